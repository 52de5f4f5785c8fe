import type { DiffReport } from '../../analysis/diff/assess-diff.js';
import { renderTextTable, truncate } from '../text/text-table.js';
import { DIFF_CVE_HEADER, diffCveRow, diffLists, diffSummaryLines } from './diff-lines.js';

/** Plain-text report for a terminal; `all` adds the fixed and still-open lists. */
export function renderDiffTable(report: DiffReport, options: { all: boolean }): string {
  const parts = [diffSummaryLines(report).join('\n')];
  const perRelease = report.stableCommits?.perRelease ?? [];
  if (perRelease.length) {
    const rows = perRelease.map((p) => [p.release, String(p.commits), String(p.withCve)]);
    parts.push(renderTextTable(['RELEASE', 'COMMITS', 'WITH-CVE'], rows));
  }
  for (const list of diffLists(report, options.all)) {
    const rows = list.cves.map((c) => {
      const row = diffCveRow(c);
      row[4] = truncate(row[4] ?? '', 70);
      return row;
    });
    parts.push(`${list.title}: ${list.cves.length}\n${rows.length ? renderTextTable(DIFF_CVE_HEADER, rows) : 'none'}`);
  }
  return `${parts.join('\n\n')}\n`;
}
