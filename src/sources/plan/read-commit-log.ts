import type { PlanCommit } from '../../domain/plan-commit.js';
import type { GitLocation } from '../git/run-git.js';
import { runGit } from '../git/run-git.js';
import { parseMarkerLine } from '../tree/parse-commit-markers.js';

// One record per commit: \x1e, then id and parents, decorations, subject, body separated by \x1f; the names of the
// changed files follow the last \x1f (git prints them after the formatted message).
const FORMAT = '--format=%x1e%H %P%x1f%D%x1f%s%x1f%b%x1f';

/** Parses `git log FORMAT --name-only` output (pure); markers as tree mode reads them (parse-commit-markers.ts). */
export function parseCommitLog(text: string): PlanCommit[] {
  const commits: PlanCommit[] = [];
  for (const record of text.split('\x1e')) {
    if (record === '') continue;
    const [ids = '', refs = '', subject = '', body = '', names = ''] = record.split('\x1f');
    const [sha = '', ...parents] = ids.trim().split(' ').filter(Boolean);
    const tags: string[] = [];
    for (const ref of refs.split(', ')) {
      const m = /^tag: (.+)$/.exec(ref.trim());
      if (m?.[1]) tags.push(m[1]);
    }
    const backportOf: string[] = [];
    const reverts: string[] = [];
    for (const line of body.split('\n')) {
      const marker = parseMarkerLine(line);
      if (marker?.kind === 'backport') backportOf.push(marker.sha);
      else if (marker?.kind === 'revert') reverts.push(marker.sha);
    }
    const files = names.split('\n').filter((l) => l !== '');
    commits.push({ sha, parents, tags, subject, backportOf, reverts, files });
  }
  return commits;
}

/**
 * The commits of `range` (e.g. `[target, ^base]`), non-merges and merges, with their changed files (renames as a
 * delete and an add, so both paths are listed). `oldestFirst` lists parents before children (patch order).
 */
export async function readCommitLog(
  where: GitLocation,
  range: readonly string[],
  options: { readonly oldestFirst: boolean },
): Promise<PlanCommit[]> {
  const args = [
    'log',
    '--no-color',
    '--no-show-signature',
    '--topo-order',
    '--no-renames',
    '--name-only',
    '--decorate-refs=refs/tags/',
    FORMAT,
    ...(options.oldestFirst ? ['--reverse'] : []),
    ...range,
    '--',
  ];
  return parseCommitLog(await runGit(where, args));
}
