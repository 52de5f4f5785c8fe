import { EVIDENCE_KINDS } from '../../analysis/tree/tree-evidence.js';
import type { TreeFacts } from '../../analysis/tree/tree-facts.js';

/** Summary lines about the product tree (tree mode), shared by the table and Markdown renderers. */
export function treeSummaryLines(t: TreeFacts): string[] {
  const tag = t.base.tag ?? 'none reachable';
  const evidence = EVIDENCE_KINDS.filter((k) => t.byEvidence[k])
    .map((k) => `${k} ${t.byEvidence[k]}`)
    .join(', ');
  const lines = [
    `Tree: ${t.rev} (${t.revSha.slice(0, 12)}), ${t.historyCommits} commits${t.shallow ? ', SHALLOW' : ''}; base: Makefile ${t.base.makefile}, tag ${tag}`,
    `Vendor commits (not in ${t.upstream?.ref ?? 'upstream'}): ${t.vendorCommits ?? 'unknown (no upstream ref or base tag)'}`,
    `Tree verdicts: affected ${t.verdicts.affected}, fixed ${t.verdicts.fixed}, not affected ${t.verdicts['not-affected']} (by evidence: ${evidence})`,
  ];
  if (t.carriedAhead.length) {
    const list = t.carriedAhead
      .slice(0, 10)
      .map((c) => `${c.id} (${c.commit.slice(0, 12)}, stable ${c.stableRelease ?? 'none'})`)
      .join(', ');
    lines.push(
      `Fixes carried ahead of the base: ${t.carriedAhead.length}: ${list}${t.carriedAhead.length > 10 ? ', ...' : ''}`,
    );
  }
  return lines;
}
