import { spawnSync } from 'node:child_process';

/** What one `git cherry-pick` of a vendor patch did in the scratch clone. */
export type CherryPickOutcome = 'clean' | 'conflict' | 'empty';

const IDENTITY = {
  GIT_AUTHOR_NAME: 'kgap test',
  GIT_AUTHOR_EMAIL: 'test@kgap.invalid',
  GIT_COMMITTER_NAME: 'kgap test',
  GIT_COMMITTER_EMAIL: 'test@kgap.invalid',
  GIT_COMMITTER_DATE: '2030-01-01T00:00:00Z',
};

function git(dir: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...IDENTITY, LC_ALL: 'C' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The naive way to learn what becomes of vendor patches, and the independent reference for `kgap plan`: clone the
 * tree (`--shared`, so objects are not copied) into `scratch`, check out `target`, then one `git cherry-pick` per
 * patch in order; a conflicted pick is aborted (the patch is left out, as `kgap plan` does), an empty one skipped.
 * Returns each patch's outcome and the final HEAD.
 */
export function naiveCherryPicks(
  treeDir: string,
  scratch: string,
  target: string,
  patches: readonly string[],
): { outcomes: Map<string, CherryPickOutcome>; head: string } {
  const clone = spawnSync('git', ['clone', '--quiet', '--shared', '--no-checkout', treeDir, scratch], {
    encoding: 'utf8',
  });
  if (clone.status !== 0) throw new Error(`git clone failed: ${clone.stderr}`);
  const checkout = git(scratch, ['checkout', '--quiet', '--detach', target]);
  if (checkout.status !== 0) throw new Error(`git checkout failed: ${checkout.stderr}`);
  const outcomes = new Map<string, CherryPickOutcome>();
  for (const sha of patches) {
    const pick = git(scratch, ['cherry-pick', '--allow-empty', sha]);
    if (pick.status === 0) {
      outcomes.set(sha, 'clean');
      continue;
    }
    if (/empty/i.test(pick.stderr + pick.stdout) && !/CONFLICT/.test(pick.stdout)) {
      git(scratch, ['cherry-pick', '--skip']);
      outcomes.set(sha, 'empty');
      continue;
    }
    const abort = git(scratch, ['cherry-pick', '--abort']);
    if (abort.status !== 0) throw new Error(`git cherry-pick --abort failed: ${abort.stderr}`);
    outcomes.set(sha, 'conflict');
  }
  return { outcomes, head: git(scratch, ['rev-parse', 'HEAD']).stdout.trim() };
}
