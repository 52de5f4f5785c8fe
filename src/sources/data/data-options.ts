import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveCacheDir } from './cache-dir.js';

export const UPSTREAM_VULNS_REPO = 'https://git.kernel.org/pub/scm/linux/security/vulns.git';
export const UPSTREAM_RELEASES =
  'https://raw.githubusercontent.com/endoflife-date/release-data/main/releases/linux-kernel.json';

/** Where kgap's data comes from and where it is cached; resolved once at the CLI edge. */
export type DataOptions = {
  readonly cacheDir: string;
  /** URL or local path of the vulns repository. */
  readonly vulnsRepo: string;
  /** URL or local path of the release-dates JSON. */
  readonly releases: string;
  /** Progress lines go here (stderr in the CLI); null for silence. */
  readonly progress: ((message: string) => void) | null;
};

export type DataFlags = { readonly cacheDir?: string; readonly vulnsRepo?: string; readonly releases?: string };

/** The project's shared test data (`../shared/data` beside the repository), when it exists. */
export function sharedDataDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.KGAP_SHARED_DATA) return existsSync(env.KGAP_SHARED_DATA) ? resolve(env.KGAP_SHARED_DATA) : null;
  // dist/src/sources/data/ -> repository root is four levels up.
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const candidate = join(root, '..', 'shared', 'data');
  return existsSync(join(candidate, 'vulns.git')) ? candidate : null;
}

/**
 * Flags win, then environment (KGAP_VULNS_REPO, KGAP_RELEASES, KGAP_CACHE_DIR, XDG_CACHE_HOME), then the local
 * `../shared/data` mirrors when present (offline use), then upstream.
 */
export function resolveDataOptions(
  flags: DataFlags,
  env: NodeJS.ProcessEnv,
  progress: DataOptions['progress'],
): DataOptions {
  const shared = sharedDataDir(env);
  const cacheDir = resolveCacheDir({ cacheDir: flags.cacheDir, env, home: homedir(), tmpDir: tmpdir() });
  const vulnsRepo =
    flags.vulnsRepo ?? env.KGAP_VULNS_REPO ?? (shared ? join(shared, 'vulns.git') : UPSTREAM_VULNS_REPO);
  const releases =
    flags.releases ?? env.KGAP_RELEASES ?? (shared ? join(shared, 'linux-kernel-releases.json') : UPSTREAM_RELEASES);
  return {
    cacheDir,
    vulnsRepo: isUrl(vulnsRepo) ? vulnsRepo : resolve(vulnsRepo),
    releases: isUrl(releases) ? releases : resolve(releases),
    progress,
  };
}

/** True for a remote location (https, http, git, ssh, scp-like). */
export function isUrl(location: string): boolean {
  return /^(https?|git|ssh|file):\/\//.test(location) || /^[\w.-]+@[\w.-]+:/.test(location);
}
