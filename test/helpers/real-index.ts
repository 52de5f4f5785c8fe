import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReleaseTable } from '../../src/domain/release.js';
import type { VulnsIndex } from '../../src/domain/vulns-index.js';
import { resolveDataOptions, sharedDataDir } from '../../src/sources/data/data-options.js';
import { readReleases } from '../../src/sources/releases/read-releases.js';
import { readIndex } from '../../src/sources/vulns/read-index.js';
import { readLocalRepo } from '../../src/sources/vulns/sync-vulns-mirror.js';

/** The real vulns index and release table from `../shared/data`, and the cache directory they live in. */
export type RealIndex = { readonly index: VulnsIndex; readonly releases: ReleaseTable; readonly cacheDir: string };

/** Why real-data tests skip when the shared data is absent: pass to `it(name, { skip: ... })`. */
export const REAL_DATA_SKIP_REASON = 'shared data absent (../shared/data or $KGAP_SHARED_DATA): real-data test skipped';

let pending: Promise<RealIndex | null> | null = null;

async function load(): Promise<RealIndex | null> {
  const shared = sharedDataDir();
  if (shared === null) return null;
  const vulnsRepo = join(shared, 'vulns.git');
  // Read from files: the shared copy has no refs/ directory, so `git rev-parse` does not work on it.
  const { head } = await readLocalRepo(vulnsRepo);
  // One cache per vulns commit, shared by every test file and run: the first build (~12 s) happens once per machine;
  // concurrent test processes serialise on the cache lock that `syncIndex` takes.
  // Keyed by the repository's path too: an index remembers where it was built from, and kgap refuses a cache built
  // from another path (docs/security.md), so two checkouts beside two copies of the data must not share one.
  const where = createHash('sha256').update(vulnsRepo).digest('hex').slice(0, 8);
  const cacheDir = join(process.env.TMPDIR || tmpdir(), `kgap-test-cache-${head.slice(0, 12)}-${where}`);
  const data = resolveDataOptions(
    { cacheDir, vulnsRepo, releases: join(shared, 'linux-kernel-releases.json') },
    {},
    null,
  );
  const [index, releases] = await Promise.all([readIndex(data), readReleases(data.releases, cacheDir)]);
  return { index, releases, cacheDir };
}

/**
 * The real index, built once into `$TMPDIR/kgap-test-cache-<vulns head>-<path hash>` and reused (within a process it is read
 * once). Null when /work/shared/data is absent: the caller skips with REAL_DATA_SKIP_REASON.
 */
export function realIndex(): Promise<RealIndex | null> {
  pending ??= load();
  return pending;
}
