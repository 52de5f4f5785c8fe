import type { ExposureReport } from '../../analysis/exposure/assess-exposure.js';
import { assessTree } from '../../analysis/tree/assess-tree.js';
import type { TreeVerdict } from '../../analysis/tree/tree-evidence.js';
import type { ReleaseTable } from '../../domain/release.js';
import type { TreeScan } from '../../domain/tree-scan.js';
import { UserError } from '../../domain/user-error.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readTreeScan } from '../../sources/tree/read-tree-scan.js';
import { readVulnsData } from '../../sources/vulns/read-vulns-data.js';

export type TreeExposure = {
  readonly report: ExposureReport;
  readonly verdicts: ReadonlyMap<string, TreeVerdict>;
  readonly scan: TreeScan;
  /** True when the scan came from the cache (unchanged revision and data). */
  readonly cached: boolean;
  readonly indexProblems: number;
  /** The index (with commit ids) and release table the verdicts were made from. */
  readonly index: VulnsIndex;
  readonly releases: ReleaseTable;
};

/**
 * `kgap status --tree`: reads the index (with commit ids), release dates and the tree's scan (cached), then assesses
 * every record against the tree. The library entry point for tree mode.
 */
export async function readTreeExposure(options: {
  readonly path: string;
  readonly rev: string;
  readonly upstreamRef: string | null;
  readonly data: DataOptions;
}): Promise<TreeExposure> {
  const { data } = options;
  const { index, releases } = await readVulnsData(data, { withCommits: true });
  const { scan, cached } = await readTreeScan({
    path: options.path,
    rev: options.rev,
    upstreamRef: options.upstreamRef,
    index,
    cacheDir: data.cacheDir,
    progress: data.progress,
  });
  if (scan.base.makefileVersion === null && scan.base.tag === null) {
    throw new UserError(`the tree's Makefile says "${scan.base.makefile}", which is not an upstream kernel version`);
  }
  const { report, verdicts } = assessTree(index, releases, { ...scan, rev: options.rev });
  return { report, verdicts, scan, cached, indexProblems: index.problems.length, index, releases };
}
