import type { GitLocation } from '../git/run-git.js';
import { runGit } from '../git/run-git.js';

/** The lines a commit added to and removed from one file. */
export type ChangedLines = { readonly added: readonly string[]; readonly removed: readonly string[] };

/** Parses `git log -p -U0 --format=%x1e%H` output into commit -> path -> changed lines (pure). */
export function parseChangedLines(text: string): Map<string, Map<string, ChangedLines>> {
  const out = new Map<string, Map<string, ChangedLines>>();
  for (const record of text.split('\x1e')) {
    const nl = record.indexOf('\n');
    if (nl < 40) continue;
    const files = new Map<string, { added: string[]; removed: string[] }>();
    let current: { added: string[]; removed: string[] } | null = null;
    let header = false;
    const open = (path: string) => {
      current = files.get(path) ?? { added: [], removed: [] };
      files.set(path, current);
    };
    for (const line of record.slice(nl + 1).split('\n')) {
      if (line.startsWith('diff --git ')) {
        header = true;
        current = null;
      } else if (header && line.startsWith('--- a/')) open(line.slice(6));
      else if (header && line.startsWith('+++ b/')) open(line.slice(6));
      else if (line.startsWith('@@')) header = false;
      else if (!header && current !== null) {
        const c = current as { added: string[]; removed: string[] };
        if (line.startsWith('+')) c.added.push(line.slice(1));
        else if (line.startsWith('-')) c.removed.push(line.slice(1));
      }
    }
    out.set(record.slice(0, 40), files);
  }
  return out;
}

/** The lines each commit changed in `paths` (one `git log -p -U0 --no-walk`, no context lines). */
export async function readChangedLines(
  where: GitLocation,
  commits: readonly string[],
  paths: readonly string[],
): Promise<Map<string, Map<string, ChangedLines>>> {
  if (commits.length === 0 || paths.length === 0) return new Map();
  const args = [
    'log',
    '-p',
    '-U0',
    '--no-color',
    // The diff git computes itself: no external diff program, no textconv filter a repository's config could name.
    '--no-ext-diff',
    '--no-textconv',
    '--no-renames',
    '--no-walk=unsorted',
    '--stdin',
    '--format=%x1e%H',
    '--',
    ...paths,
  ];
  return parseChangedLines(await runGit(where, args, `${commits.join('\n')}\n`));
}
