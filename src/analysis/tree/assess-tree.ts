import type { CveRecord } from '../../domain/cve.js';
import { compareKernelVersions, type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import type { ReleaseTable } from '../../domain/release.js';
import type { TreeScan } from '../../domain/tree-scan.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { assessExposure, type ExposureReport, type Finding, findingOf } from '../exposure/assess-exposure.js';
import { assessVersion } from '../exposure/assess-version.js';
import { stableFixAfter } from '../exposure/stable-fix-after.js';
import { assessTreeCve } from './assess-tree-cve.js';
import type { TreeVerdict } from './tree-evidence.js';
import type { CarriedFix, TreeFacts } from './tree-facts.js';
import { planTreeLookup } from './tree-lookup.js';

/** The upstream version a scan's tree is based on: the Makefile's, else the nearest tag's; null when neither. */
export function treeBaseVersion(scan: TreeScan): KernelVersion | null {
  return parseKernelVersion(scan.base.makefileVersion ?? '') ?? parseKernelVersion(scan.base.tag ?? '');
}

function toFinding(record: CveRecord, base: KernelVersion, verdict: TreeVerdict): Finding {
  const v = assessVersion(record, base);
  return {
    ...findingOf(record, {
      ...v,
      // The version rule's answer when it agrees; when only the tree says affected (a reverted fix, a vendor
      // backport of the bug), the branch release after the base that has the fix.
      fixedOnBranch: v.affected ? v.fixedOnBranch : stableFixAfter(record, base),
      // The tree's own reading of the introductions (the same sentences as version mode's on a plain tree).
      ambiguous: verdict.ambiguous,
      ambiguousReason: verdict.ambiguousReason,
    }),
    evidence: {
      kind: verdict.evidence.kind,
      commit: verdict.evidence.commit,
      confidence: verdict.evidence.confidence,
      detail: verdict.evidence.detail,
    },
  };
}

/**
 * Which published CVEs a product tree carries (pure): per record a tree verdict with evidence, assembled into the
 * same report as version mode, plus what the tree is (base, vendor delta, fixes carried ahead of the base).
 */
export function assessTree(
  index: VulnsIndex,
  releases: ReleaseTable,
  scan: TreeScan,
): { report: ExposureReport; verdicts: ReadonlyMap<string, TreeVerdict> } {
  const base = treeBaseVersion(scan);
  if (base === null) throw new Error(`tree base "${scan.base.makefile}" is not a kernel version`);
  const lookup = planTreeLookup(scan);
  const verdicts = new Map<string, TreeVerdict>();
  const counts: TreeFacts['verdicts'] = { affected: 0, fixed: 0, 'not-affected': 0 };
  const byEvidence: Partial<Record<TreeVerdict['evidence']['kind'], number>> = {};
  const carriedAhead: CarriedFix[] = [];
  const report = assessExposure(index, releases, base, {
    assess: (record) => {
      const verdict = assessTreeCve(record, base, lookup);
      verdicts.set(record.id, verdict);
      counts[verdict.verdict]++;
      byEvidence[verdict.evidence.kind] = (byEvidence[verdict.evidence.kind] ?? 0) + 1;
      if (verdict.verdict === 'fixed' && verdict.vendorFix && verdict.evidence.commit) {
        // Ahead of the base: the version rule says the base release itself does not have the fix.
        if (assessVersion(record, base).affected) {
          const stableRelease = stableFixAfter(record, base);
          carriedAhead.push({
            id: record.id,
            commit: verdict.evidence.commit,
            kind: verdict.evidence.kind,
            stableRelease,
          });
        }
      }
      return verdict.verdict === 'affected' ? toFinding(record, base, verdict) : null;
    },
  });
  const notes = [...report.notes];
  const tagVersion = parseKernelVersion(scan.base.tag ?? '');
  if (tagVersion && compareKernelVersions(tagVersion, base) !== 0) {
    notes.push(
      `Makefile says ${scan.base.makefile} but the nearest release tag is ${scan.base.tag}; using the Makefile`,
    );
  }
  if (scan.shallow) notes.push('shallow clone: ancestry is incomplete, "not affected" from absence is not claimed');
  else if (!scan.historyComplete) notes.push('no release tag reachable: absence from history is not trusted');
  const tree: TreeFacts = {
    rev: scan.rev,
    revSha: scan.revSha,
    base: scan.base,
    shallow: scan.shallow,
    historyCommits: scan.historyCommits,
    historyComplete: scan.historyComplete,
    upstream: scan.upstream,
    vendorCommits: scan.vendorCommits?.length ?? null,
    vendorCommitList: scan.vendorCommits ?? [],
    verdicts: counts,
    byEvidence,
    carriedAhead: carriedAhead.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    upstreamFixesAvailable: scan.upstreamFixesAvailable,
  };
  return { report: { ...report, notes, tree }, verdicts };
}
