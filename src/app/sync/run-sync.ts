import type { ReleaseTable } from '../../domain/release.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import { type SyncReport, syncIndex } from '../../sources/vulns/sync-index.js';

export type SyncOutcome = { readonly index: SyncReport; readonly releases: ReleaseTable; readonly data: DataOptions };

/** Fetches (or updates) the vulns repository and release dates and (re)builds the index (`kgap sync`). */
export async function runSync(data: DataOptions): Promise<SyncOutcome> {
  const index = await syncIndex(data);
  const releases = await readReleases(data.releases, data.cacheDir, true);
  return { index, releases, data };
}
