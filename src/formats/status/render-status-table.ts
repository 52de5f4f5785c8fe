import { renderTextTable, truncate } from '../text/text-table.js';
import { relevanceCell } from './relevance-cells.js';
import { type StatusView, summaryLines } from './status-view.js';
import { treeSummaryLines } from './tree-lines.js';

/** Plain-text report for a terminal. */
export function renderStatusTable(view: StatusView): string {
  const hasRelevance = view.report.summary.relevance !== undefined;
  const rows = view.shown.map((f) => [
    f.id,
    f.cvss === null ? '-' : f.cvss.toFixed(1),
    (f.fixedOnBranch ?? 'none') + (f.ambiguous ? '?' : ''),
    f.fixedUpstream ?? '-',
    f.published,
    ...(hasRelevance ? [relevanceCell(f)] : []),
    truncate(f.title, 70),
    // Tree mode adds the evidence column.
    ...(f.evidence ? [`${f.evidence.kind}${f.evidence.commit ? ` ${f.evidence.commit.slice(0, 12)}` : ''}`] : []),
  ]);
  const tree = view.report.tree;
  const header = [
    'ID',
    'CVSS',
    'FIXED-ON-BRANCH',
    'UPSTREAM',
    'PUBLISHED',
    ...(hasRelevance ? ['BUILT'] : []),
    'TITLE',
    ...(tree ? ['EVIDENCE'] : []),
  ];
  const table = renderTextTable(header, rows);
  const summary = [...summaryLines(view), ...(tree ? treeSummaryLines(tree) : [])];
  return `${summary.join('\n')}\n\n${rows.length ? table : 'No CVEs to show.'}\n`;
}
