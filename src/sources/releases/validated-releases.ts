import { parseKernelVersion } from '../../domain/kernel-version.js';

/**
 * The validated release dates as kgap's cache keeps them (`releases-v2.json`), laid out so that a single-version
 * query reads only its branch: every pair as one JSON text (parsed only by the readers that need all of them) and,
 * per `x.y` branch, its releases as `name<TAB>date` lines. One JSON string parses at copy speed: reading
 * and selecting 6.1's 184 pairs takes ~2.4 ms in a fresh process, against ~6.5 ms for all 4,800 (docs/performance.md).
 */
export type ValidatedReleases = {
  /** The source's identity (path, size, mtime; or URL) the pairs were validated from. */
  readonly key: string;
  /** `[name, date]` pairs in the source's order, as JSON text. */
  readonly entries: string;
  /** The newest date of any entry that is not 1970's placeholder (what a single-branch table reports). */
  readonly newestDate: string | null;
  /** Per branch `x.y`: the kernel versions named `x.y` or `x.y.…`, in the source's order, `name<TAB>date` lines. */
  readonly branches: Readonly<Record<string, string>>;
};

// The single-branch reader's filter was `name === branch || name.startsWith(`${branch}.`)`: the same prefix, taken
// from the text (not from the parsed version, which would also take "6.01.3" into 6.1).
const BRANCH_PREFIX = /^(\d+\.\d+)(?:\.|$)/;

/** Packs validated pairs. Only kernel versions go into `branches` (the table drops the rest), so no name holds a tab. */
export function packReleases(key: string, entries: readonly [string, string][]): ValidatedReleases {
  const branches = new Map<string, string[]>();
  let newestDate: string | null = null;
  for (const [name, date] of entries) {
    if (date && !date.startsWith('1970-') && (newestDate === null || date > newestDate)) newestDate = date;
    const branch = BRANCH_PREFIX.exec(name)?.[1];
    const version = branch === undefined ? null : parseKernelVersion(name);
    if (branch === undefined || version === null || version.rc !== null) continue;
    const lines = branches.get(branch) ?? [];
    lines.push(`${name}\t${date}`);
    branches.set(branch, lines);
  }
  const packed = Object.fromEntries([...branches].map(([branch, lines]) => [branch, lines.join('\n')]));
  return { key, entries: JSON.stringify(entries), newestDate, branches: packed };
}

/**
 * The pairs a reader needs: every one (`branch` undefined), or one branch's (`x.y`), in the source's order; null
 * when the cached file is damaged (then the source is validated again).
 */
export function selectReleases(validated: ValidatedReleases, branch?: string): [string, string][] | null {
  if (branch === undefined) {
    try {
      const all: unknown = JSON.parse(validated.entries);
      return Array.isArray(all) ? (all as [string, string][]) : null;
    } catch {
      return null;
    }
  }
  const lines = Object.hasOwn(validated.branches, branch) ? validated.branches[branch] : '';
  if (typeof lines !== 'string') return null;
  if (lines === '') return [];
  const pairs: [string, string][] = [];
  for (const line of lines.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) return null; // a line without its name or date: the file was changed by something else than kgap
    pairs.push([line.slice(0, tab), line.slice(tab + 1)]);
  }
  return pairs;
}

/** A cache file's JSON as ValidatedReleases for `key`, or null (another source, another layout, or damaged). */
export function validatedReleasesOf(data: unknown, key: string): ValidatedReleases | null {
  if (typeof data !== 'object' || data === null) return null;
  const v = data as Partial<ValidatedReleases>;
  const ok =
    v.key === key &&
    typeof v.entries === 'string' &&
    (v.newestDate === null || typeof v.newestDate === 'string') &&
    typeof v.branches === 'object' &&
    v.branches !== null;
  return ok ? (v as ValidatedReleases) : null;
}
