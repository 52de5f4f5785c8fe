import { renderTextTable, truncate } from '../text/text-table.js';
import { type StatusView, summaryLines } from './status-view.js';

/** Plain-text report for a terminal. */
export function renderStatusTable(view: StatusView): string {
  const rows = view.shown.map((f) => [
    f.id,
    f.cvss === null ? '-' : f.cvss.toFixed(1),
    (f.fixedOnBranch ?? 'none') + (f.ambiguous ? '?' : ''),
    f.fixedUpstream ?? '-',
    f.published,
    truncate(f.title, 70),
  ]);
  const table = renderTextTable(['ID', 'CVSS', 'FIXED-ON-BRANCH', 'UPSTREAM', 'PUBLISHED', 'TITLE'], rows);
  return `${summaryLines(view).join('\n')}\n\n${rows.length ? table : 'No CVEs to show.'}\n`;
}
