import { spawn } from 'node:child_process';

/** Where git runs: a bare repository (`gitDir`) or a work tree (`cwd`). */
export type GitLocation = { readonly gitDir?: string; readonly cwd?: string };

/** A git command that failed, with its stderr: callers turn it into a user-facing message. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.slice(0, 3).join(' ')} failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`);
    this.name = 'GitError';
  }
}

/** git's arguments for a location: `--git-dir` for a bare repository. */
export function gitArgs(where: GitLocation, args: readonly string[]): string[] {
  return where.gitDir ? [`--git-dir=${where.gitDir}`, ...args] : [...args];
}

// Never a shell: arguments go to git as they are, so paths with spaces or metacharacters are safe.
export const GIT_ENV = { ...process.env, GIT_FLUSH: '0', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };

/** Runs git and returns its stdout; throws GitError on a non-zero exit. */
export function runGit(where: GitLocation, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', gitArgs(where, args), { cwd: where.cwd, env: GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new GitError(args, null, `cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}
