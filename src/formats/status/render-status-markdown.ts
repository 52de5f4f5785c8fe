import { escapeMarkdownCell, renderMarkdownTable } from '../text/markdown.js';
import { relevanceCell } from './relevance-cells.js';
import { type StatusView, summaryLines } from './status-view.js';
import { treeSummaryLines } from './tree-lines.js';

/** Markdown report (a PR comment or a wiki page). */
export function renderStatusMarkdown(view: StatusView): string {
  const r = view.report;
  const hasRelevance = view.report.summary.relevance !== undefined;
  const rows = view.shown.map((f) => [
    f.id,
    f.cvss === null ? '' : f.cvss.toFixed(1),
    (f.fixedOnBranch ?? 'none') + (f.ambiguous ? ' (ambiguous)' : ''),
    f.fixedUpstream ?? '',
    f.published,
    ...(hasRelevance ? [relevanceCell(f)] : []),
    f.title,
    // Tree mode adds the evidence column.
    ...(f.evidence ? [`${f.evidence.kind}${f.evidence.commit ? ` \`${f.evidence.commit.slice(0, 12)}\`` : ''}`] : []),
  ]);
  const tree = r.tree;
  const summary = [...summaryLines(view), ...(tree ? treeSummaryLines(tree) : [])]
    .map((l) => `- ${escapeMarkdownCell(l.trim())}`)
    .join('\n');
  const table = rows.length
    ? renderMarkdownTable(
        [
          'CVE',
          'CVSS',
          'Fixed on branch',
          'Fixed upstream',
          'Published',
          ...(hasRelevance ? ['Built'] : []),
          'Title',
          ...(tree ? ['Evidence'] : []),
        ],
        rows,
      )
    : '_No CVEs to show._';
  return `# kgap status: Linux ${r.version}\n\n${summary}\n\n${table}\n`;
}
