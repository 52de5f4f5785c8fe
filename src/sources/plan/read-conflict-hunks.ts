import { readBlobs } from '../git/cat-file-batch.js';
import type { GitLocation } from '../git/run-git.js';
import { type ConflictHunk, parseConflictMarkers } from './parse-conflict-markers.js';

/**
 * The conflicted regions of merged files, read from the merge results' trees in one `git cat-file --batch`:
 * `files` are [merged tree, path] pairs; the answer is keyed `tree:path`. A file git could not merge line by line
 * (deleted on one side, binary) has no regions.
 */
export async function readConflictHunks(
  scratch: GitLocation,
  files: readonly (readonly [string, string])[],
): Promise<Map<string, ConflictHunk[]>> {
  const names = files.map(([tree, path]) => `${tree}:${path}`);
  const hunks = new Map<string, ConflictHunk[]>();
  let n = 0;
  await readBlobs(scratch, names, (_oid, content) => {
    const name = names[n++] as string;
    hunks.set(name, content === null ? [] : parseConflictMarkers(content.toString('utf8')));
  });
  return hunks;
}
