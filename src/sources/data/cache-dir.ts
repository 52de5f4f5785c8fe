import { isAbsolute, join, resolve } from 'node:path';
import { InvalidInput } from '../../domain/invalid-input.js';

/**
 * kgap's cache directory, the one resolver every command uses: the given directory, else `$KGAP_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/kgap`, else `$HOME/.cache/kgap` (the XDG default), else `<tmp>/kgap-cache`. An empty directory
 * name is refused: it would put the cache into the current directory. Pure: environment, home and temp dir are
 * passed in.
 */
export function resolveCacheDir(options: {
  readonly cacheDir?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
  readonly tmpDir: string;
}): string {
  const { env } = options;
  if (options.cacheDir !== undefined) return absolute('cacheDir', options.cacheDir);
  if (env.KGAP_CACHE_DIR !== undefined) return absolute('KGAP_CACHE_DIR', env.KGAP_CACHE_DIR);
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'kgap');
  if (options.home) return join(options.home, '.cache', 'kgap');
  return join(options.tmpDir, 'kgap-cache');
}

function absolute(field: string, dir: string): string {
  if (dir.trim() === '') throw new InvalidInput(field, 'is empty: give a cache directory (or leave it unset)');
  return resolve(dir);
}
