import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import type { DataOptions } from '../data/data-options.js';
import { readIndexMeta, readStoredIndex, requireIndexFiles } from './index-store.js';

/**
 * Refuses an index built from another source than the one asked for: a cached index of one vulns repository must
 * never answer for another (`--vulns-repo` was once silently ignored when a cache existed). `sync` switches.
 */
export function requireIndexSource(indexSource: string, options: DataOptions): void {
  if (indexSource === options.vulnsRepo) return;
  throw new InvalidInput(
    'vulnsRepo',
    `${options.vulnsRepo}: the cache ${options.cacheDir} holds the index of ${indexSource}; run kgap sync with this vulns repository to rebuild the cache from it, or use another cache directory`,
  );
}

/**
 * The index for analysis: the cached one, or built on first use. Version analysis leaves out commit ids (faster);
 * tree analysis asks for them with `withCommits`.
 */
export async function readIndex(options: DataOptions, read: { withCommits?: boolean } = {}): Promise<VulnsIndex> {
  const withCommits = read.withCommits ?? false;
  const cached = await readStoredIndex(options.cacheDir, { withCommits });
  if (cached) {
    requireIndexSource(cached.source, options);
    return cached;
  }
  await requireIndexFiles(options.cacheDir);
  // A header without readable records means a torn or damaged cache: rebuild it rather than trust it.
  const damaged = (await readIndexMeta(options.cacheDir)) !== null;
  options.progress?.(
    damaged ? 'vulns: the cached index is damaged, rebuilding it' : 'vulns: no index yet, building it (first run)',
  );
  const { syncIndex } = await import('./sync-index.js');
  const report = await syncIndex(options, { rebuild: damaged });
  // What was just written, read back as a warm run reads it: the same objects, so the same output bytes.
  const index = (await readStoredIndex(options.cacheDir, { withCommits })) ?? report.index;
  if (!index || index.records.length === 0) throw new UserError('the vulns index is empty; run `kgap sync`');
  return index;
}
