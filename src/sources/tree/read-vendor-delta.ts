import type { GitLocation } from '../git/run-git.js';
import { streamGitLines } from '../git/stream-git-text.js';

/** Commits on the product branch that upstream does not have (`git log UPSTREAM..REV`), newest first. */
export async function readVendorDelta(
  where: GitLocation,
  revSha: string,
  upstreamSha: string,
): Promise<{ sha: string; subject: string }[]> {
  const commits: { sha: string; subject: string }[] = [];
  await streamGitLines(where, ['log', '--no-color', '--format=%H %s', revSha, `^${upstreamSha}`, '--'], (line) => {
    if (line.length >= 40) commits.push({ sha: line.slice(0, 40), subject: line.slice(41) });
  });
  return commits;
}
