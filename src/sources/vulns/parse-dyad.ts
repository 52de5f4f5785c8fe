import type { DyadEntry } from '../../domain/cve.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';

const SHA_RE = /^[0-9a-f]{7,40}$/;

/** Parses a `.dyad` file (`introVersion:introSha:fixVersion:fixSha` per line, `#` comments, `0` = none). */
export function parseDyad(text: string): { entries: DyadEntry[]; problems: string[] } {
  const entries: DyadEntry[] = [];
  const problems: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split(':');
    if (parts.length !== 4) {
      problems.push(`bad dyad line "${line.slice(0, 80)}"`);
      continue;
    }
    const [iv, is, fv, fs] = parts.map((p) => (p === '0' || p === '' ? null : p)) as (string | null)[];
    const badVersion = [iv, fv].find((v) => v != null && parseKernelVersion(v) === null);
    const badSha = [is, fs].find((s) => s != null && !SHA_RE.test(s));
    if (badVersion !== undefined || badSha !== undefined) {
      problems.push(`bad dyad line "${line.slice(0, 80)}"`);
      continue;
    }
    entries.push({ introVersion: iv ?? null, introSha: is ?? null, fixVersion: fv ?? null, fixSha: fs ?? null });
  }
  return { entries, problems };
}
