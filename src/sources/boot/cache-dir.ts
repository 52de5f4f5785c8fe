import { join } from 'node:path';

/**
 * kgap's cache directory, resolved like the data commands do: `--cache-dir`, else `$KGAP_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/kgap`, else `$HOME/.cache/kgap` (the XDG default), else `<tmp>/kgap-cache`.
 * Pure: the environment and temp dir are passed in.
 */
export function resolveCacheDir(options: {
  readonly cacheDir?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly tmpDir: string;
}): string {
  const { env } = options;
  if (options.cacheDir) return options.cacheDir;
  if (env.KGAP_CACHE_DIR) return env.KGAP_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'kgap');
  if (env.HOME) return join(env.HOME, '.cache', 'kgap');
  return join(options.tmpDir, 'kgap-cache');
}
