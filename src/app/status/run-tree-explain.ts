import type { TreeVerdict } from '../../analysis/tree/tree-evidence.js';
import type { TreeFacts } from '../../analysis/tree/tree-facts.js';
import { requireCveId } from '../../domain/cve-id.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readTreeExposure } from './read-tree-exposure.js';

export type TreeExplainInput = {
  readonly tree: { readonly path: string; readonly rev: string; readonly upstreamRef: string | null };
  readonly cveId: string;
  readonly data: DataOptions;
};

export type TreeExplainOutcome = {
  readonly verdict: TreeVerdict;
  readonly tree: TreeFacts;
  readonly warnings: readonly string[];
};

/** The evidence behind one CVE's verdict on a product tree (`kgap status --tree --explain`). */
export async function runTreeExplain(input: TreeExplainInput): Promise<TreeExplainOutcome> {
  const id = requireCveId('explain', input.cveId);
  const exposure = await readTreeExposure({ ...input.tree, data: input.data });
  const verdict = exposure.verdicts.get(id);
  if (!verdict || !exposure.report.tree) throw new InvalidInput('explain', `${input.cveId}: no such published CVE`);
  const warnings = exposure.scan.shallow ? ['shallow clone; ancestry is incomplete'] : [];
  return { verdict, tree: exposure.report.tree, warnings };
}
