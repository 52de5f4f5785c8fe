import type { TreeVerdict } from '../../analysis/tree/tree-evidence.js';
import type { TreeFacts } from '../../analysis/tree/tree-facts.js';

/** Version of the `kgap status --tree --explain --format json` document. */
export const TREE_EXPLAIN_SCHEMA_VERSION = 1;

/** One CVE's tree verdict with all the evidence considered, as text (table/markdown) or JSON. */
export function renderTreeExplain(verdict: TreeVerdict, tree: TreeFacts, format: 'json' | 'text'): string {
  if (format === 'json') {
    const doc = {
      schemaVersion: TREE_EXPLAIN_SCHEMA_VERSION,
      id: verdict.id,
      verdict: verdict.verdict,
      ambiguous: verdict.ambiguous,
      ambiguousReason: verdict.ambiguousReason,
      evidence: verdict.evidence,
      considered: verdict.considered,
      tree: { rev: tree.rev, revSha: tree.revSha, base: tree.base, shallow: tree.shallow },
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  const e = verdict.evidence;
  const lines = [
    `${verdict.id}: ${verdict.verdict}${verdict.ambiguous ? ' (ambiguous)' : ''} at ${tree.rev} (${tree.revSha.slice(0, 12)}), base Makefile ${tree.base.makefile}, tag ${tree.base.tag ?? 'none'}`,
    `Decided by: ${e.kind} (confidence ${e.confidence})${e.commit ? `, commit ${e.commit}` : ''}`,
    `  ${e.detail}`,
    ...(verdict.ambiguousReason ? [`Ambiguous: ${verdict.ambiguousReason}`] : []),
  ];
  const others = verdict.considered.filter((c) => c.commit !== e.commit || c.kind !== e.kind);
  if (others.length) {
    lines.push('Also considered:');
    for (const c of others) lines.push(`  - ${c.kind} (${c.confidence}): ${c.detail}`);
  }
  return `${lines.join('\n')}\n`;
}
