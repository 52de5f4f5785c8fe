import { type Cvss, severityOf } from '../../domain/cve.js';

// CVSS v3.x base score (FIRST CVSS v3.1 specification, section 7.1 and appendix A "Roundup").
const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

function roundUp(value: number): number {
  const int = Math.round(value * 100000);
  return int % 10000 === 0 ? int / 100000 : (Math.floor(int / 10000) + 1) / 10;
}

/** Computes a CVSS 3.0/3.1 base score from its vector; null when the vector is not a valid v3 base vector. */
export function scoreCvss3Vector(vector: string): number | null {
  const m = /^CVSS:3\.[01]\/(.*)$/.exec(vector.trim());
  if (!m?.[1]) return null;
  const metrics = new Map(m[1].split('/').map((kv) => kv.split(':') as [string, string]));
  const get = <T extends Record<string, number>>(key: string, table: T): number | null => {
    const v = metrics.get(key);
    return v !== undefined && v in table ? (table[v as keyof T] as number) : null;
  };
  const av = get('AV', WEIGHTS.AV);
  const ac = get('AC', WEIGHTS.AC);
  const ui = get('UI', WEIGHTS.UI);
  const c = get('C', WEIGHTS.CIA);
  const i = get('I', WEIGHTS.CIA);
  const a = get('A', WEIGHTS.CIA);
  const scope = metrics.get('S');
  const prRaw = metrics.get('PR');
  if (av === null || ac === null || ui === null || c === null || i === null || a === null) return null;
  if (scope !== 'U' && scope !== 'C') return null;
  const changed = scope === 'C';
  const prTable = { N: 0.85, L: changed ? 0.68 : 0.62, H: changed ? 0.5 : 0.27 } as const;
  if (prRaw !== 'N' && prRaw !== 'L' && prRaw !== 'H') return null;
  const pr = prTable[prRaw];
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  return changed
    ? roundUp(Math.min(1.08 * (impact + exploitability), 10))
    : roundUp(Math.min(impact + exploitability, 10));
}

/** Reads the vector from a `.cvss` file (`<org-uuid> CVSS:3.1/...` on its first line, rationale after). */
export function parseCvssFile(text: string): Cvss | null {
  const first = text.split('\n', 1)[0] ?? '';
  const vector = /(CVSS:3\.[01]\/\S+)/.exec(first)?.[1];
  if (!vector) return null;
  const score = scoreCvss3Vector(vector);
  return score === null ? null : { score, vector, severity: severityOf(score) };
}
