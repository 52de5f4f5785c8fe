import { join } from 'node:path';

/**
 * kgap's cache directory: `--cache-dir`, else `$XDG_CACHE_HOME/kgap`, else `$HOME/.cache/kgap` (the XDG base
 * directory default), else `<tmp>/kgap-cache`. Pure: the environment and temp dir are passed in.
 */
export function resolveCacheDir(options: {
  readonly cacheDir?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly tmpDir: string;
}): string {
  if (options.cacheDir) return options.cacheDir;
  if (options.env.XDG_CACHE_HOME) return join(options.env.XDG_CACHE_HOME, 'kgap');
  if (options.env.HOME) return join(options.env.HOME, '.cache', 'kgap');
  return join(options.tmpDir, 'kgap-cache');
}
