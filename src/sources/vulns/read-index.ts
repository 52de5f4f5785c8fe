import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { type DataOptions, isUrl } from '../data/data-options.js';
import { readIndexMeta, readStoredIndex, requireIndexFiles } from './index-store.js';

/**
 * Refuses an index built from another source than the one asked for: a cached index of one vulns repository must
 * never answer for another (`--vulns-repo` was once silently ignored when a cache existed). `sync` switches. A local
 * repository whose HEAD is the very commit the index was read at is the same data under another name (a second
 * clone, a path through a symlink: a fresh checkout beside its own `../shared/data`), so it is answered.
 */
export async function requireIndexSource(
  index: { readonly source: string; readonly vulnsCommit: string },
  options: DataOptions,
): Promise<void> {
  if (index.source === options.vulnsRepo) return;
  const local = !isUrl(options.vulnsRepo);
  if (local) {
    // Loaded only here: a warm status with its own source never needs it.
    const { readLocalRepo } = await import('./sync-vulns-mirror.js');
    const head = await readLocalRepo(options.vulnsRepo).then(
      (repo) => repo.head,
      () => null,
    );
    if (head === index.vulnsCommit) return;
  }
  const at = local ? ` (commit ${index.vulnsCommit.slice(0, 12)}, not this repository's HEAD)` : '';
  throw new InvalidInput(
    'vulnsRepo',
    `${options.vulnsRepo}: the cache ${options.cacheDir} holds the index of ${index.source}${at}; run kgap sync with this vulns repository to rebuild the cache from it, or use another cache directory`,
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
    await requireIndexSource(cached, options);
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
