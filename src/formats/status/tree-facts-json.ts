import { EVIDENCE_KINDS } from '../../analysis/tree/tree-evidence.js';
import type { TreeFacts } from '../../analysis/tree/tree-facts.js';

/** The `tree` object of a tree-mode status document, keys in a fixed order. */
export function renderTreeFacts(t: TreeFacts) {
  const byEvidence: Record<string, number> = {};
  for (const kind of EVIDENCE_KINDS) if (t.byEvidence[kind]) byEvidence[kind] = t.byEvidence[kind] ?? 0;
  return {
    rev: t.rev,
    revSha: t.revSha,
    makefileVersion: t.base.makefileVersion,
    shallow: t.shallow,
    historyCommits: t.historyCommits,
    historyComplete: t.historyComplete,
    upstream: t.upstream,
    verdicts: t.verdicts,
    byEvidence,
    carriedAhead: t.carriedAhead,
    upstreamFixesAvailable: t.upstreamFixesAvailable,
    vendorCommitList: t.vendorCommitList,
  };
}
