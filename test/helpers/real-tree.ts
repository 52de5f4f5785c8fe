/**
 * Kernel trees generated from the real records (scripts/gen-tree.ts) for tree-mode and plan tests, with the data
 * to read them: the generated vulns repository (its records name the tree's commits), the real release dates and
 * a cache of the test's own.
 */
import { join } from 'node:path';
import { type GenTreeOptions, type GenTreeResult, generateTree } from '../../scripts/gen-tree.js';
import type { CveRecord } from '../../src/domain/cve.js';
import { type DataOptions, resolveDataOptions, sharedDataDir } from '../../src/sources/data/data-options.js';
import { readStoredIndex } from '../../src/sources/vulns/index-store.js';
import { realIndex } from './real-index.js';

/** What a generated tree is made from: the real records with their commit ids, and every release name. */
export type RealTreeSource = {
  readonly records: readonly CveRecord[];
  readonly releaseNames: readonly string[];
  /** The real release-dates file. */
  readonly releases: string;
};

/** A generated tree and the data to read it with, in-process and for a CLI run. */
export type RealTree = {
  readonly gen: GenTreeResult;
  readonly data: DataOptions;
  /** KGAP_CACHE_DIR, KGAP_VULNS_REPO, KGAP_RELEASES. */
  readonly env: Record<string, string>;
};

/** The real records with commit ids (from the shared test cache) and release names; null without the shared data. */
export async function realTreeSource(): Promise<RealTreeSource | null> {
  const real = await realIndex();
  const shared = sharedDataDir();
  if (real === null || shared === null) return null;
  const index = await readStoredIndex(real.cacheDir, { withCommits: true });
  if (!index) throw new Error('the real index has no commit ids');
  return {
    records: index.records,
    releaseNames: [...real.releases.byName.keys()],
    releases: join(shared, 'linux-kernel-releases.json'),
  };
}

/** Generates the tree `optionsFor` describes from the real records, read through `cacheDir`; null without the data. */
export async function generateRealTree(
  cacheDir: string,
  optionsFor: (source: RealTreeSource) => GenTreeOptions,
): Promise<RealTree | null> {
  const source = await realTreeSource();
  if (source === null) return null;
  const gen = await generateTree(optionsFor(source));
  const { releases } = source;
  return {
    gen,
    data: resolveDataOptions({ cacheDir, vulnsRepo: gen.vulnsDir, releases }, {}, null),
    env: { KGAP_CACHE_DIR: cacheDir, KGAP_VULNS_REPO: gen.vulnsDir, KGAP_RELEASES: releases },
  };
}
