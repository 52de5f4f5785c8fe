import { GitError, type GitLocation, runGit, spawnGit } from '../git/run-git.js';

/** Which of these full commit ids exist as commits in the repository (one `git cat-file --batch-check`). */
export async function readExistingCommits(where: GitLocation, ids: readonly string[]): Promise<Set<string>> {
  const full = ids.filter((id) => /^[0-9a-f]{40}$/.test(id));
  if (full.length === 0) return new Set();
  const out = await runGit(where, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], `${full.join('\n')}\n`);
  const found = new Set<string>();
  for (const line of out.split('\n')) {
    const [sha, type] = line.split(' ');
    if (sha && type === 'commit') found.add(sha);
  }
  return found;
}

/** The directory of a path (`net/core/dev.c` -> `net/core`; top-level files -> ``). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The directories the given commits touch (one `git log --no-walk --stdin --name-only`). */
export async function readTouchedDirs(where: GitLocation, commits: readonly string[]): Promise<Set<string>> {
  const dirs = new Set<string>();
  if (commits.length === 0) return dirs;
  const out = await runGit(
    where,
    ['log', '--no-walk=unsorted', '--stdin', '--name-only', '--no-renames', '--format=%x1e'],
    `${commits.join('\n')}\n`,
  );
  for (const line of out.split('\n')) if (line !== '' && line.charCodeAt(0) !== 0x1e) dirs.add(dirOf(line));
  return dirs;
}

/**
 * `git patch-id --stable` of many commits: one `git log -p --no-walk --stdin` stream piped into one `git patch-id`
 * (two processes in all, never a shell). Returns commit -> patch id; merges and empty commits have none.
 */
export function readPatchIds(where: GitLocation, commits: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (commits.length === 0) return Promise.resolve(result);
  // spawnGit adds --no-textconv --no-ext-diff to `log`: the tree's own diff drivers never run (docs/security.md).
  return new Promise((resolve, reject) => {
    const log = spawnGit(
      where,
      ['log', '-p', '--no-color', '--no-walk=unsorted', '--stdin', '--format=commit %H'],
      'pipe',
    );
    const pid = spawnGit(where, ['patch-id', '--stable'], 'pipe');
    const err: Buffer[] = [];
    let out = '';
    if (log.stdout && pid.stdin) log.stdout.pipe(pid.stdin);
    pid.stdin?.on('error', () => {});
    log.stderr?.on('data', (b: Buffer) => {
      if (err.length < 64) err.push(b);
    });
    pid.stderr?.on('data', (b: Buffer) => {
      if (err.length < 64) err.push(b);
    });
    pid.stdout?.setEncoding('utf8');
    pid.stdout?.on('data', (chunk: string) => {
      out += chunk;
    });
    let logCode: number | null = null;
    log.on('error', (e) => reject(new GitError(['log', '-p'], null, `cannot run git: ${e.message}`)));
    pid.on('error', (e) => reject(new GitError(['patch-id'], null, `cannot run git: ${e.message}`)));
    log.on('close', (code) => {
      logCode = code;
    });
    pid.on('close', (code) => {
      if (code !== 0 || (logCode !== null && logCode !== 0)) {
        reject(new GitError(['log', '-p', '|', 'patch-id'], code, Buffer.concat(err).toString('utf8')));
        return;
      }
      for (const line of out.split('\n')) {
        const [patchId, commit] = line.split(' ');
        if (patchId && commit) result.set(commit, patchId);
      }
      resolve(result);
    });
    log.stdin?.on('error', () => {});
    log.stdin?.end(`${commits.join('\n')}\n`);
  });
}
