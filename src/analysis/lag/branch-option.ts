import { InvalidInput } from '../../domain/invalid-input.js';
import { compareVersionText } from '../../domain/kernel-version.js';
import type { ReleaseTable } from '../../domain/release.js';

/** Stable branches in the table (they have X.Y.Z releases with Z > 0), oldest first. */
export function stableBranches(releases: ReleaseTable): string[] {
  return [...releases.byBranch.entries()]
    .filter(([, list]) => list.some((r) => r.version.sublevel > 0))
    .map(([branch]) => branch)
    .sort(compareVersionText);
}

/** Checks a `--branch` value names a branch with dated stable releases; the error lists the newest valid ones. */
export function assertStableBranch(releases: ReleaseTable, branch: string): void {
  if (!/^(\d+\.\d+|2\.6\.\d+)$/.test(branch)) {
    throw new InvalidInput('branch', `takes a stable branch like 6.1 (not a version like 6.1.170), got "${branch}"`);
  }
  const list = releases.byBranch.get(branch) ?? [];
  if (list.some((r) => r.version.sublevel > 0 && r.date !== null)) return;
  const known = stableBranches(releases).slice(-8).join(', ');
  const what = list.length === 0 ? 'no releases' : 'no dated stable releases';
  throw new InvalidInput('branch', `${branch} has ${what} in the release data; try one of ${known}`);
}
