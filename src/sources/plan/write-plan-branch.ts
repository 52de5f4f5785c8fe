import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { readBlobs } from '../git/cat-file-batch.js';
import { GitError, type GitLocation, runGit } from '../git/run-git.js';

/** A replayed patch: the original commit and the tree it has on the new branch. */
export type BranchStep = { readonly sha: string; readonly tree: string };

/** The headers of an original commit that the rebased commit keeps: its author, and its encoding if any. */
function parseCommitText(text: string): { author: string; encoding: string | null; message: string } {
  const split = text.indexOf('\n\n');
  const headers = (split === -1 ? text : text.slice(0, split)).split('\n');
  const author = headers.find((h) => h.startsWith('author '))?.slice(7) ?? '';
  const encoding = headers.find((h) => h.startsWith('encoding '))?.slice(9) ?? null;
  return { author, encoding, message: split === -1 ? '\n' : text.slice(split + 2) };
}

async function checkBranchName(where: GitLocation, name: string): Promise<void> {
  await runGit(where, ['check-ref-format', '--branch', name]).catch(() => {
    throw new InvalidInput('writeBranch', `"${name}" is not a valid branch name`);
  });
  const exists = await runGit(where, ['show-ref', '--verify', '--quiet', `refs/heads/${name}`]).then(
    () => true,
    (e: unknown) => {
      if (e instanceof GitError && e.code === 1) return false;
      throw e;
    },
  );
  if (exists)
    throw new InvalidInput('writeBranch', `branch ${name} exists; give a new name (kgap never moves an existing ref)`);
}

/**
 * Writes the rebased branch: one new commit per replayed patch, in order, on the target (its tree from the merges, its
 * author and message from the original patch, the committer the tree's git configuration names), then brings the new
 * objects into the tree (`git fetch` from the scratch repository) and creates `refs/heads/<name>`, refusing a name
 * that exists. Never touches the working tree, HEAD or any existing ref.
 */
export async function writePlanBranch(o: {
  readonly tree: GitLocation;
  readonly scratch: GitLocation & { readonly gitDir: string };
  readonly name: string;
  readonly target: string;
  readonly steps: readonly BranchStep[];
}): Promise<{ commit: string; commits: number }> {
  await checkBranchName(o.tree, o.name);
  const committer = await runGit(o.tree, ['var', 'GIT_COMMITTER_IDENT']).catch(() => {
    throw new UserError('git has no committer identity for the new branch: set user.name and user.email');
  });
  const originals = new Map<string, string>();
  await readBlobs(
    o.tree,
    o.steps.map((s) => s.sha),
    (sha, content) => {
      if (content) originals.set(sha, content.toString('utf8'));
    },
  );
  let parent = o.target;
  for (const step of o.steps) {
    const original = originals.get(step.sha);
    if (original === undefined) throw new Error(`cannot read vendor commit ${step.sha}`);
    const c = parseCommitText(original);
    const text = `tree ${step.tree}\nparent ${parent}\nauthor ${c.author}\ncommitter ${committer.trim()}\n${c.encoding ? `encoding ${c.encoding}\n` : ''}\n${c.message}`;
    parent = (await runGit(o.scratch, ['hash-object', '-t', 'commit', '-w', '--stdin'], text)).trim();
  }
  await runGit(o.scratch, ['update-ref', 'refs/heads/plan', parent]);
  await runGit(o.tree, [
    'fetch',
    '--quiet',
    '--no-tags',
    '--no-write-fetch-head',
    '--no-auto-maintenance',
    '--no-auto-gc',
    o.scratch.gitDir,
    'refs/heads/plan',
  ]);
  // The empty old value makes git refuse if the branch appeared meanwhile.
  await runGit(o.tree, ['update-ref', '-m', 'kgap plan --write-branch', `refs/heads/${o.name}`, parent, '']);
  return { commit: parent, commits: o.steps.length };
}
