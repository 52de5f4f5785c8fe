import { formatKernelVersion, type KernelVersion } from '../../domain/kernel-version.js';
import type { StableCommitRange } from '../../domain/stable-commit.js';
import type { DebianChangelog } from './parse-debian-changelog.js';

/**
 * The commits a changelog lists for the stable releases in (from, to] of one branch. Releases it does not list are
 * reported as missing (the count then misses them), never guessed. Pure.
 */
export function planChangelogRange(
  changelog: DebianChangelog,
  range: { readonly from: KernelVersion; readonly to: KernelVersion; readonly source: string },
): StableCommitRange {
  const name = (sublevel: number) => formatKernelVersion({ branchKey: range.from.branchKey, sublevel, rc: null });
  const byRelease = new Map(changelog.updates.map((u) => [u.release, u]));
  const commits: StableCommitRange['commits'][number][] = [];
  const missingReleases: string[] = [];
  const emptyReleases: string[] = [];
  // Newest first, like the changelog itself.
  for (let s = range.to.sublevel; s > range.from.sublevel; s--) {
    const release = name(s);
    const update = byRelease.get(release);
    if (!update) missingReleases.push(release);
    else if (update.commits.length === 0) emptyReleases.push(release);
    else commits.push(...update.commits);
  }
  return {
    kind: 'changelog',
    source: range.source,
    from: name(range.from.sublevel),
    to: name(range.to.sublevel),
    commits,
    missingReleases: missingReleases.reverse(),
    emptyReleases: emptyReleases.reverse(),
  };
}
