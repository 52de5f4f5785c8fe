import { assessDiff, checkDiffPair, type DiffReport } from '../../analysis/diff/assess-diff.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import { type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import { readStableCommits, type StableCommitSource } from '../../sources/changelog/read-stable-commits.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readVulnsData } from '../../sources/vulns/read-vulns-data.js';

export type DiffInput = {
  /** The release the product runs, e.g. `6.1.170`. */
  readonly from: string;
  /** The release it would update to. */
  readonly to: string;
  /** Where the stable commits come from (a Debian changelog or a linux-stable clone), if anywhere. */
  readonly commits: StableCommitSource;
  readonly data: DataOptions;
};

/** A release (not an rc) given for `field`. */
export function requireRelease(field: string, text: string): KernelVersion {
  const v = parseKernelVersion(text);
  if (!v || v.rc !== null) throw new InvalidInput(field, `takes a release like 6.1.170, not "${text}"`);
  return v;
}

/** What an update from release A to release B of a branch changes (`kgap diff`). */
export async function runDiff(input: DiffInput): Promise<DiffReport> {
  const from = requireRelease('from', input.from);
  const to = requireRelease('to', input.to);
  checkDiffPair(from, to);
  // The changelog or tree first: a wrong file is refused before the index is read.
  const commits = await readStableCommits(input.commits, { from, to });
  const { index, releases } = await readVulnsData(input.data, { withCommits: input.commits.stableTree !== undefined });
  return assessDiff({ index, releases, from, to, commits });
}
