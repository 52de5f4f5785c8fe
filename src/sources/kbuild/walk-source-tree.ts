import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The files of a source tree, tree-relative, sorted; symlinks are listed, never followed (so loops cannot hang). */
export type SourceListing = { readonly files: readonly string[]; readonly problems: readonly string[] };

// Version-control and patch-queue directories: never part of a build.
const SKIP_DIRS = new Set(['.git', '.pc', '.hg', '.svn', 'node_modules']);

/**
 * Walks `root` without following symlinks; unreadable directories become problems. Synchronous on purpose: for
 * ~5,000 directories the thread-pool round trips of `fs/promises` cost more than the reads.
 */
export function walkSourceTree(root: string): SourceListing {
  const files: string[] = [];
  const problems: string[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(rel === '' ? root : join(root, rel), { withFileTypes: true });
    } catch (error) {
      problems.push(`cannot list ${rel || '.'}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      continue;
    }
    for (const e of entries) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(path);
      } else {
        files.push(path);
      }
    }
  }
  files.sort();
  return { files, problems };
}
