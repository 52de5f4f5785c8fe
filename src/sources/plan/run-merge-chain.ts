import { type GitLocation, runGit } from '../git/run-git.js';
import { type MergeResult, parseMergeTree } from './parse-merge-tree.js';

/** A patch to replay: the commit and its (first) parent, whose tree is the patch's merge base. */
export type ChainPatch = { readonly sha: string; readonly parent: string };

/**
 * A helper commit whose tree is the running tree and whose parent is the patch's parent, so that git's merge base of
 * it and the patch is exactly the patch's parent: a three-way merge of (parent, running tree, patch), which is what
 * `git cherry-pick` and `git rebase` do, with git 2.38's `merge-tree` (2.40's `--merge-base` is not needed). Its date
 * lies in the future on purpose: git walks history newest first when looking for the merge base, and a date older
 * than the tree's commits would walk the whole history (a million commits) before reaching the helper.
 */
function helperCommit(tree: string, parent: string): string {
  const who = 'kgap <plan@kgap.invalid> 4102444800 +0000';
  return `tree ${tree}\nparent ${parent}\nauthor ${who}\ncommitter ${who}\n\nkgap plan: the tree so far\n`;
}

/** One three-way merge of `patch` onto `tree` (two git processes: the helper commit, the merge). */
export async function runPatchMerge(scratch: GitLocation, tree: string, patch: ChainPatch): Promise<MergeResult> {
  const helper = (
    await runGit(scratch, ['hash-object', '-t', 'commit', '-w', '--stdin'], helperCommit(tree, patch.parent))
  ).trim();
  // --stdin: one merge per input line and exit 0 whether it conflicts or not (the status is in the output). diff3
  // markers keep the base's side of a conflict, which tells the stable commits that changed it apart.
  const args = ['-c', 'merge.conflictStyle=diff3', 'merge-tree', '--write-tree', '--stdin'];
  const out = await runGit(scratch, args, `${helper} ${patch.sha}\n`);
  return parseMergeTree(out);
}

/**
 * Replays `patches` in order onto `startTree` in the scratch repository, as a rebase would: a patch that merges
 * cleanly moves the running tree on; one in conflict is left out (as a rebase that skips it), so the next patch is
 * tried against the tree without it. Returns every merge's result and the final tree.
 */
export async function runMergeChain(
  scratch: GitLocation,
  startTree: string,
  patches: readonly ChainPatch[],
  progress: ((message: string) => void) | null,
): Promise<{ readonly results: ReadonlyMap<string, MergeResult>; readonly finalTree: string }> {
  const results = new Map<string, MergeResult>();
  let tree = startTree;
  for (const [n, patch] of patches.entries()) {
    if (n % 50 === 0) progress?.(`plan: merging vendor patch ${n + 1}/${patches.length}`);
    const result = await runPatchMerge(scratch, tree, patch);
    results.set(patch.sha, result);
    if (result.clean) tree = result.tree;
  }
  return { results, finalTree: tree };
}
