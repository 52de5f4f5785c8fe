import { join } from 'node:path';
import type { RealIndex } from './real-index.js';

/** The environment that points the built CLI at the shared real data and the tests' prebuilt index. */
export function realCliEnv(real: RealIndex | null, shared: string | null): Record<string, string> {
  if (real === null || shared === null) return {};
  return {
    KGAP_CACHE_DIR: real.cacheDir,
    KGAP_VULNS_REPO: join(shared, 'vulns.git'),
    KGAP_RELEASES: join(shared, 'linux-kernel-releases.json'),
  };
}
