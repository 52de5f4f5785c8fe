import { branchOf, compareKernelVersions, type KernelVersion, parseKernelVersion } from './kernel-version.js';

/** A kernel release with its date (YYYY-MM-DD), or null when the date is unknown (2.6.12.x are listed as 1970). */
export type Release = { readonly name: string; readonly version: KernelVersion; readonly date: string | null };

/** A release as reports print it: its name and date (null when unknown). */
export type DatedRelease = { readonly version: string; readonly date: string | null };

/** Every known release, grouped by branch and sorted oldest first. */
export type ReleaseTable = {
  readonly byName: ReadonlyMap<string, Release>;
  readonly byBranch: ReadonlyMap<string, readonly Release[]>;
  /** The newest release date in the table: the data's "as of". */
  readonly newestDate: string | null;
};

/** Builds the table from name -> date pairs; names that are not kernel versions are returned as problems. */
export function buildReleaseTable(entries: Iterable<readonly [string, string | null]>): {
  table: ReleaseTable;
  problems: string[];
} {
  const byName = new Map<string, Release>();
  const byBranch = new Map<string, Release[]>();
  const problems: string[] = [];
  let newestDate: string | null = null;
  for (const [name, rawDate] of entries) {
    const version = parseKernelVersion(name);
    if (!version || version.rc !== null) {
      problems.push(`release "${name}" is not a kernel version`);
      continue;
    }
    const date = rawDate && !rawDate.startsWith('1970-') ? rawDate : null;
    const release: Release = { name, version, date };
    byName.set(name, release);
    const branch = branchOf(version);
    const list = byBranch.get(branch) ?? [];
    list.push(release);
    byBranch.set(branch, list);
    if (date && (newestDate === null || date > newestDate)) newestDate = date;
  }
  for (const list of byBranch.values()) list.sort((a, b) => compareKernelVersions(a.version, b.version));
  return { table: { byName, byBranch, newestDate }, problems };
}

/** The releases of a branch (oldest first); empty when the branch is unknown. */
export function branchReleases(table: ReleaseTable, branch: string): readonly Release[] {
  return table.byBranch.get(branch) ?? [];
}
