import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { isUrl } from '../data/data-options.js';
import { writeFileAtomic } from '../data/write-atomic.js';
import { GitError, runGit } from '../git/run-git.js';
import { readBoundedText } from '../io/read-bounded.js';

/** kgap's own bare copy of the vulns repository, and the commit it now points at. */
export type VulnsMirror = { readonly gitDir: string; readonly head: string; readonly headDate: string };

const SHA_RE = /^[0-9a-f]{40}$/;

// The source's files are input: read under the limit, and a FIFO or device reads as nothing.
const readRepoFile = (path: string) =>
  readBoundedText(path, { field: 'vulnsRepo' }).catch((e: unknown) => {
    if (e instanceof InvalidInput) throw e;
    return '';
  });

/** The objects directory and HEAD commit of a local clone, read from files so a copy without refs/ still works. */
export async function readLocalRepo(path: string): Promise<{ objects: string; head: string }> {
  const gitDir = existsSync(join(path, '.git')) ? join(path, '.git') : path;
  const objects = join(gitDir, 'objects');
  if (!existsSync(objects) || !statSync(objects).isDirectory()) {
    throw new InvalidInput('vulnsRepo', `${path} is not a git repository; give a clone of the kernel CNA vulns repo`);
  }
  const headText = (await readRepoFile(join(gitDir, 'HEAD'))).trim();
  if (SHA_RE.test(headText)) return { objects, head: headText };
  const ref = /^ref: (\S+)$/.exec(headText)?.[1] ?? 'refs/heads/master';
  const loose = ref.split('/').includes('..') ? '' : (await readRepoFile(join(gitDir, ref))).trim();
  if (SHA_RE.test(loose)) return { objects, head: loose };
  const packed = await readRepoFile(join(gitDir, 'packed-refs'));
  for (const line of packed.split('\n')) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha && SHA_RE.test(sha)) return { objects, head: sha };
  }
  throw new UserError(`${path}: cannot find the commit of ${ref}; is it a complete clone of the vulns repo?`);
}

/** True when git accepts the cached mirror as a repository (an emptied HEAD, say, makes it refuse). */
async function mirrorUsable(gitDir: string): Promise<boolean> {
  if (!existsSync(gitDir)) return false;
  return runGit({ gitDir }, ['rev-parse', '--git-dir']).then(
    () => true,
    () => false,
  );
}

async function ensureBareRepo(gitDir: string, progress: ((message: string) => void) | null): Promise<void> {
  // The mirror is kgap's own copy: a damaged one is rebuilt (from the source, or through alternates at no cost),
  // never blamed on the source.
  if (existsSync(gitDir) && !(await mirrorUsable(gitDir))) {
    progress?.(`vulns: the cached mirror ${gitDir} is damaged, rebuilding it`);
    await rm(gitDir, { recursive: true, force: true });
  }
  if (existsSync(join(gitDir, 'HEAD'))) return;
  const tmp = `${gitDir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  try {
    await runGit({}, ['init', '--quiet', '--bare', tmp]);
    await rename(tmp, gitDir);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Points the mirror at the source's newest commit. A local source is used in place through git alternates (no
 * copy: a 14,600-record history is shared, not duplicated); a URL is cloned once, then fetched incrementally.
 */
export async function syncVulnsMirror(
  cacheDir: string,
  source: string,
  progress: ((message: string) => void) | null = null,
): Promise<VulnsMirror> {
  const gitDir = join(cacheDir, 'vulns.git');
  await mkdir(cacheDir, { recursive: true });
  const before = (await mirrorUsable(gitDir))
    ? (await runGit({ gitDir }, ['rev-parse', '--verify', '-q', 'refs/heads/master']).catch(() => '')).trim()
    : '';
  if (isUrl(source)) {
    await ensureBareRepo(gitDir, progress);
    try {
      await runGit({ gitDir }, ['fetch', '--quiet', '--no-tags', source, '+HEAD:refs/heads/master']);
    } catch (error) {
      const why = error instanceof GitError ? error.stderr.trim().split('\n').pop() : String(error);
      throw new UserError(`cannot fetch ${source} (${why}); check the network or give a local clone (vulnsRepo)`);
    }
  } else {
    if (!existsSync(source))
      throw new InvalidInput('vulnsRepo', `${source} does not exist; give a clone of the kernel CNA vulns repo`);
    const local = await readLocalRepo(source);
    await ensureBareRepo(gitDir, progress);
    await writeFileAtomic(join(gitDir, 'objects', 'info', 'alternates'), `${local.objects}\n`);
    try {
      await runGit({ gitDir }, ['update-ref', 'refs/heads/master', local.head]);
    } catch {
      throw new UserError(`${source}: its HEAD commit ${local.head.slice(0, 12)} is missing; the clone looks damaged`);
    }
  }
  const [head = '', headDate = ''] = (await runGit({ gitDir }, ['log', '-1', '--format=%H %cI', 'refs/heads/master']))
    .trim()
    .split(' ');
  const probe = await runGit({ gitDir }, ['ls-tree', '--name-only', head, 'cve/published/']).catch(() => '');
  if (probe.trim() === '') {
    throw new InvalidInput('vulnsRepo', `${source} is not the kernel CNA vulns repo (no cve/published/)`);
  }
  // A commit-graph makes the path-limited history walk of a full build several times faster.
  if (before !== head) await runGit({ gitDir }, ['commit-graph', 'write', '--reachable']).catch(() => undefined);
  return { gitDir, head, headDate };
}
