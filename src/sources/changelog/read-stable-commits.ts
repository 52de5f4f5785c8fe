import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { formatKernelVersion, type KernelVersion } from '../../domain/kernel-version.js';
import type { StableCommitRange } from '../../domain/stable-commit.js';
import { planChangelogRange } from './plan-changelog-range.js';
import { readChangelog } from './read-changelog.js';
import { readStableTreeRange } from './read-stable-tree.js';

/** Where the stable commits come from: `--changelog FILE` or `--stable-tree DIR` (at most one). */
export type StableCommitSource = { readonly changelog?: string; readonly stableTree?: string };

/**
 * The stable commits in (from, to] from a Debian changelog or a linux-stable clone; null when neither was given.
 * A changelog that lists none of the range's releases is refused (wrong branch or wrong file).
 */
export async function readStableCommits(
  source: StableCommitSource,
  range: { readonly from: KernelVersion; readonly to: KernelVersion },
): Promise<StableCommitRange | null> {
  if (source.changelog && source.stableTree)
    throw new InvalidInput('stableTree', 'and changelog are both given; give one source of stable commits');
  if (source.stableTree) return readStableTreeRange(source.stableTree, range);
  if (!source.changelog) return null;
  const changelog = await readChangelog(source.changelog);
  const planned = planChangelogRange(changelog, { ...range, source: source.changelog });
  const wanted = range.to.sublevel - range.from.sublevel;
  if (wanted > 0 && planned.missingReleases.length === wanted) {
    const listed = changelog.updates.map((u) => u.release);
    throw new UserError(
      `${source.changelog} lists no stable release in ${formatKernelVersion(range.from)}..${formatKernelVersion(range.to)} (it lists ${listed.at(-1)} to ${listed[0]})`,
    );
  }
  return planned;
}
