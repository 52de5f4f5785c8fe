import type { LagReport } from '../../analysis/lag/assess-lag.js';
import type { LagStats } from '../../analysis/lag/lag-stats.js';
import { html } from '../html/html.js';
import { type HtmlCell, num, renderHtmlTable } from '../html/html-table.js';
import { renderHtmlPage } from '../html/render-html-page.js';
import { renderLagChart } from './lag-chart.js';
import { lagSentences, STATS_HEADER, shownBranches, statsCells, yearRows } from './lag-view.js';

const cells = (s: LagStats): HtmlCell[] => statsCells(s).map(num);

/** A self-contained HTML page: findings, the lag histogram (inline SVG) and the tables. */
export function renderLagHtml(report: LagReport): string {
  const s = report.snapshot;
  const intro = html`<p class="note">vulns ${s.vulnsCommit.slice(0, 12)} (${s.vulnsCommitDate}), release dates to ${s.releasesAsOf ?? 'unknown'}, ${s.records} records.</p>`;
  const years = renderHtmlTable(
    ['Published', ...STATS_HEADER],
    yearRows(report, 'mainline fix').map(([label, s]) => [label, ...cells(s)]),
  );
  const branches = renderHtmlTable(
    ['Branch', ...STATS_HEADER],
    shownBranches(report).map((b) => [b.branch, ...cells(b)]),
  );
  return renderHtmlPage({
    title: 'kgap lag: from fix release to CVE publication',
    intro,
    sections: [
      {
        heading: 'Findings',
        body: html`<ul>${lagSentences(report).map((l) => html`<li>${l}</li>`)}</ul>\n<figure>${renderLagChart(report)}</figure>`,
      },
      {
        heading: 'By publication year',
        body: html`<p>Lag in days to the first release with the fix on any branch; "mainline fix": to the first mainline release.</p>\n${years}`,
      },
      {
        heading: 'By stable branch',
        body: html`<p>Lag to the branch's first fix release; "fix only after": the fix reached the branch after the CVE was public.</p>\n${branches}`,
      },
    ],
  });
}
