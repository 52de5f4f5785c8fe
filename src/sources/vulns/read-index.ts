import { UserError } from '../../domain/user-error.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import type { DataOptions } from '../data/data-options.js';
import { readIndexMeta, readStoredIndex } from './index-store.js';

/**
 * The index for analysis: the cached one, or built on first use. Version analysis leaves out commit ids (faster);
 * tree analysis asks for them with `withCommits`.
 */
export async function readIndex(options: DataOptions, read: { withCommits?: boolean } = {}): Promise<VulnsIndex> {
  const withCommits = read.withCommits ?? false;
  const cached = await readStoredIndex(options.cacheDir, { withCommits });
  if (cached) return cached;
  // A header without readable records means a torn or damaged cache: rebuild it rather than trust it.
  const damaged = (await readIndexMeta(options.cacheDir)) !== null;
  options.progress?.(
    damaged ? 'vulns: the cached index is damaged, rebuilding it' : 'vulns: no index yet, building it (first run)',
  );
  const { syncIndex } = await import('./sync-index.js');
  const report = await syncIndex(options, { rebuild: damaged });
  const index = report.index ?? (await readStoredIndex(options.cacheDir, { withCommits }));
  if (!index || index.records.length === 0) throw new UserError('the vulns index is empty; run `kgap sync`');
  return index;
}
