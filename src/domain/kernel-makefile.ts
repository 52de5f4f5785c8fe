import { formatKernelVersion, type KernelVersion, parseKernelVersion } from './kernel-version.js';

/** The version a kernel tree's top-level Makefile declares. */
export type MakefileVersion = {
  /** `VERSION.PATCHLEVEL.SUBLEVEL` plus EXTRAVERSION as written, e.g. `6.1.120-rc1` or `6.1.120-vendor`. */
  readonly text: string;
  /** `VERSION.PATCHLEVEL.SUBLEVEL` alone (SUBLEVEL 0 when absent), e.g. `6.1.120`. */
  readonly numbers: string;
  /** The upstream version (EXTRAVERSION dropped unless it is an `-rcN`); null when the numbers are not a version. */
  readonly version: KernelVersion | null;
  readonly extraversion: string;
};

const FIELD_RE = /^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)\s*=[ \t]*(.*?)\s*$/;

/**
 * Reads VERSION/PATCHLEVEL/SUBLEVEL/EXTRAVERSION from a kernel Makefile (the first assignment of each, at the top
 * as in every kernel since 2.6). Null when the text is not a kernel Makefile (no VERSION or PATCHLEVEL).
 */
export function parseKernelMakefile(text: string): MakefileVersion | null {
  const fields = new Map<string, string>();
  for (const line of text.split('\n', 60)) {
    const m = FIELD_RE.exec(line);
    if (m?.[1] && !fields.has(m[1])) fields.set(m[1], m[2] ?? '');
  }
  const version = fields.get('VERSION');
  const patchlevel = fields.get('PATCHLEVEL');
  if (!version || !patchlevel || !/^\d+$/.test(version) || !/^\d+$/.test(patchlevel)) return null;
  const sublevel = /^\d+$/.test(fields.get('SUBLEVEL') ?? '') ? (fields.get('SUBLEVEL') as string) : '0';
  const extraversion = fields.get('EXTRAVERSION') ?? '';
  const rc = /^-rc\d+$/.test(extraversion) ? extraversion : '';
  // 2.6.32.70 kept its stable number in EXTRAVERSION (".70").
  const stable26 = version === '2' && patchlevel === '6' && /^\.\d+$/.test(extraversion) ? extraversion : '';
  const numbers =
    sublevel === '0' && version !== '2' ? `${version}.${patchlevel}` : `${version}.${patchlevel}.${sublevel}`;
  const parsed = parseKernelVersion(`${numbers}${stable26}${rc}`);
  return {
    text: `${version}.${patchlevel}.${sublevel}${extraversion}`,
    numbers: `${version}.${patchlevel}.${sublevel}`,
    version: parsed,
    extraversion,
  };
}

/** The canonical upstream version text of a Makefile version, or null. */
export function makefileUpstream(m: MakefileVersion | null): string | null {
  return m?.version ? formatKernelVersion(m.version) : null;
}
