import type { ReleaseTable } from '../../domain/release.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import type { DataOptions } from '../data/data-options.js';
import { readReleases } from '../releases/read-releases.js';
import { readIndex } from './read-index.js';

/** The two inputs most analyses take, read side by side: the vulns index and the release table. */
export async function readVulnsData(
  data: DataOptions,
  read: { readonly withCommits?: boolean } = {},
): Promise<{ readonly index: VulnsIndex; readonly releases: ReleaseTable }> {
  const [index, releases] = await Promise.all([readIndex(data, read), readReleases(data.releases, data.cacheDir)]);
  return { index, releases };
}
