import { type ChildProcess, spawn } from 'node:child_process';
import { describeLimit } from '../../domain/limits.js';
import { limitOf } from '../io/input-limits.js';

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

// The repositories kgap inspects are untrusted (docs/security.md): their config can name programs for git to run
// (textconv and external diff drivers chosen through attributes, gpg for `log.showSignature`, fsmonitor, hooks,
// pagers). Every git call overrides each of those with a value that runs nothing; `-c` on the command line wins
// over every config file. Attributes from the system and the user's global file are off; attributes inside the
// repository can only pick drivers, and `--no-textconv --no-ext-diff` (below) stop the drivers from running.
const SAFE_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.attributesFile=/dev/null',
  'log.showSignature=false',
  'diff.external=',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'color.ui=false',
].flatMap((kv) => ['-c', kv]);

// Commands that can produce diffs: textconv and external diff drivers are refused explicitly (git enables textconv
// by default for `log`, `show` and `diff`, and `git log -p` runs filters through it).
const DIFF_COMMANDS = new Set(['log', 'show', 'diff', 'whatchanged']);

/** git's arguments for a location, with the options that keep an inspected repository from running programs. */
export function gitArgs(where: GitLocation, args: readonly string[]): string[] {
  const [command = '', ...rest] = args;
  const noDrivers = DIFF_COMMANDS.has(command) ? ['--no-textconv', '--no-ext-diff'] : [];
  return [
    ...SAFE_CONFIG,
    '--no-pager',
    ...(where.gitDir ? [`--git-dir=${where.gitDir}`] : []),
    command,
    ...noDrivers,
    ...rest,
  ];
}

// Variables that would point git at another repository or config, or run programs: kgap's own calls must mean the
// same whatever the caller's shell exported (kgap run from a git hook has GIT_DIR set).
const DROPPED_ENV =
  /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM|COMMON_DIR|EXTERNAL_DIFF|DIFF_OPTS|PAGER|EDITOR|SEQUENCE_EDITOR|ASKPASS|CONFIG.*|EXEC_PATH|TEMPLATE_DIR|REPLACE_REF_BASE|GRAFT_FILE|SHALLOW_FILE|NO_REPLACE_OBJECTS|LITERAL_PATHSPECS|GLOB_PATHSPECS|NOGLOB_PATHSPECS|ICASE_PATHSPECS|ATTR_SOURCE)$/;

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!DROPPED_ENV.test(k)) env[k] = v;
  return {
    ...env,
    GIT_FLUSH: '0',
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_PAGER: 'cat',
    // Replace refs and grafts would let a tree rewrite which commits its history holds.
    GIT_NO_REPLACE_OBJECTS: '1',
  };
}

/** The environment of every git process kgap runs (see `gitArgs` for why). */
export const GIT_ENV = gitEnv();

/**
 * Starts git with the safe arguments and environment; stdin as asked. A git that writes nothing for
 * `KGAP_GIT_IDLE_SECONDS` is killed (git itself waits forever on a FIFO named in a repository's files); its
 * `close` then reports the idle time as an error through `idleFailure`.
 */
export function spawnGit(where: GitLocation, args: readonly string[], stdin: 'pipe' | 'ignore'): ChildProcess {
  const child = spawn('git', gitArgs(where, args), { cwd: where.cwd, env: GIT_ENV, stdio: [stdin, 'pipe', 'pipe'] });
  const idleMs = limitOf('gitIdleSeconds') * 1000;
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      idle.add(child);
      child.kill('SIGKILL');
    }, idleMs);
  };
  arm();
  child.stdout?.on('data', arm);
  child.stderr?.on('data', arm);
  child.on('close', () => {
    if (timer) clearTimeout(timer);
  });
  return child;
}

const idle = new WeakSet<ChildProcess>();

/** The error of a git process stopped for being idle, or null when it was not. */
export function idleFailure(child: ChildProcess, args: readonly string[]): GitError | null {
  if (!idle.has(child)) return null;
  const seconds = limitOf('gitIdleSeconds');
  return new GitError(args, null, `no output for ${describeLimit('gitIdleSeconds', seconds)}; stopped`);
}

/** A git command whose output passed the limit: exit 2 naming it (a tree with a gigabyte blob, say). */
export function gitOutputTooLarge(args: readonly string[], max: number): GitError {
  return new GitError(args, null, `output larger than ${describeLimit('gitOutputBytes', max)}`);
}

/** Runs git and returns its stdout; throws GitError on a non-zero exit or an output over the limit. */
export function runGit(where: GitLocation, args: readonly string[], input?: string): Promise<string> {
  const max = limitOf('gitOutputBytes');
  return new Promise((resolve, reject) => {
    const child = spawnGit(where, args, 'pipe');
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let over = false;
    child.stdout?.on('data', (b: Buffer) => {
      size += b.length;
      if (size > max) {
        over = true;
        child.kill('SIGKILL');
      } else out.push(b);
    });
    child.stderr?.on('data', (b: Buffer) => {
      if (err.length < 64) err.push(b);
    });
    child.on('error', (e) => reject(new GitError(args, null, `cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      const stalled = idleFailure(child, args);
      if (stalled) reject(stalled);
      else if (over) reject(gitOutputTooLarge(args, max));
      else if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(input ?? '');
  });
}
