import { InvalidInput } from '../../domain/invalid-input.js';
import { GitError } from '../git/run-git.js';

// File-system errors that mean "this cache directory cannot be used", worded for the one-line message.
const FAULTS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'a directory stands where kgap keeps a file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'path too long',
  EMFILE: 'too many open files',
};

// The same faults as git reports them (the mirror in the cache is written by git).
const GIT_FAULT_RE =
  /No space left on device|Read-only file system|Permission denied|Not a directory|Disk quota exceeded/i;

function inside(path: string, cacheDir: string): boolean {
  return path === cacheDir || path.startsWith(`${cacheDir}/`) || cacheDir.startsWith(`${path}/`);
}

/** A cache that cannot be used: exit 2 naming the path (the CLI adds the flag, `--cache-dir`), never a trace. */
export function cacheUnusable(cacheDir: string, path: string, why: string): InvalidInput {
  return new InvalidInput(
    'cacheDir',
    `${cacheDir}: cannot use ${path === cacheDir ? 'it' : path} as kgap's cache (${why}); give a writable directory with free space`,
  );
}

/** Turns a file-system (or git) error about the cache into that message; any other error is returned as it is. */
export function asCacheFault(error: unknown, cacheDir: string): unknown {
  if (error instanceof GitError) {
    const line = error.stderr.split('\n').find((l) => GIT_FAULT_RE.test(l));
    return line && error.stderr.includes(cacheDir) ? cacheUnusable(cacheDir, cacheDir, line.trim()) : error;
  }
  const e = error as NodeJS.ErrnoException | null;
  const why = typeof e?.code === 'string' ? FAULTS[e.code] : undefined;
  if (why === undefined) return error;
  const path = typeof e?.path === 'string' ? e.path : cacheDir;
  const dest = (e as { dest?: unknown }).dest;
  if (!inside(path, cacheDir) && !(typeof dest === 'string' && inside(dest, cacheDir))) return error;
  return cacheUnusable(cacheDir, typeof dest === 'string' && e?.code === 'EISDIR' ? dest : path, why);
}

/** Runs `fn`, translating faults of the cache directory into a one-line InvalidInput naming it. */
export async function guardCache<T>(cacheDir: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asCacheFault(error, cacheDir);
  }
}
