import { assessVersion } from '../../src/analysis/exposure/assess-version.js';
import { assessTreeCve } from '../../src/analysis/tree/assess-tree-cve.js';
import { recordCommitSet } from '../../src/analysis/tree/tree-carriers.js';
import { planTreeLookup } from '../../src/analysis/tree/tree-lookup.js';
import type { CveRecord } from '../../src/domain/cve.js';
import type { KernelVersion } from '../../src/domain/kernel-version.js';
import { plainTreeScan, type planCommitPlaces } from './plain-tree-scan.js';

/** The versions the consistency test covers (docs/semantics.md, "Tree mode", consistency). */
export const TREE_AGREEMENT_VERSIONS = [
  ...['4.19.250', '5.4.280', '5.10.220', '5.15.160', '6.1.2', '6.1.10', '6.1.170'],
  ...['6.6.73', '6.6.80', '6.6.100', '6.12.50', '6.18.20'],
] as const;

/** Tree mode on a plain stable tree at v<V> against version mode for V, over every record. */
export type TreeAgreement = {
  readonly affected: number;
  readonly ambiguous: number;
  /** CVEs where the deciding commit is one another record names: that record's backport, the tree knows more. */
  readonly crossRecord: readonly string[];
  /** Any other difference (affected, or the ambiguity sentence), described. */
  readonly differ: readonly string[];
};

/** Judges every record at V both ways (docs/semantics.md, "Tree mode", consistency). */
export function compareTreeWithVersion(
  records: readonly CveRecord[],
  places: ReturnType<typeof planCommitPlaces>,
  v: KernelVersion,
): TreeAgreement {
  const lookup = planTreeLookup(plainTreeScan(places, v));
  const differ: string[] = [];
  const crossRecord: string[] = [];
  let affected = 0;
  let ambiguous = 0;
  for (const r of records) {
    const byVersion = assessVersion(r, v);
    const byTree = assessTreeCve(r, v, lookup);
    if (byVersion.affected) affected++;
    if (byVersion.ambiguous) ambiguous++;
    const treeAffected = byTree.verdict === 'affected';
    if (treeAffected === byVersion.affected && byTree.ambiguousReason === byVersion.ambiguousReason) continue;
    const by = byTree.evidence.commit;
    if (by !== null && byTree.evidence.kind !== 'fix-commit' && !recordCommitSet(r).has(by)) crossRecord.push(r.id);
    else
      differ.push(
        `${r.id}: tree ${byTree.verdict} (${byTree.evidence.detail}), version affected ${byVersion.affected}`,
      );
  }
  return { affected, ambiguous, crossRecord, differ };
}
