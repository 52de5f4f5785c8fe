import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { html } from '../html/html.js';
import { type HtmlCell, num, renderHtmlTable } from '../html/html-table.js';
import { renderHtmlPage } from '../html/render-html-page.js';
import { renderExposureCurveChart } from './exposure-curve-chart.js';
import * as view from './exposure-curve-view.js';

/** Numbers right-aligned: every cell from the first `text` columns on that parses as a number. */
const cells = (rows: string[][], text: number): HtmlCell[][] =>
  rows.map((r) => r.map((c, i) => (i >= text && /^-?\d+$/.test(c) ? num(c) : c)));

/** A self-contained HTML page: findings, the exposure curve (inline SVG) and the tables. */
export function renderExposureCurveHtml(report: ExposureCurveReport): string {
  const s = report.snapshot;
  return renderHtmlPage({
    title: `kgap exposure: Linux ${report.branch} as of ${report.asOf}`,
    intro: html`<p class="note">vulns ${s.vulnsCommit.slice(0, 12)} (${s.vulnsCommitDate}), ${s.records} records.</p>`,
    sections: [
      {
        heading: 'Findings',
        body: html`<ul>${view.exposureSentences(report).map((l) => html`<li>${l}</li>`)}</ul>\n<figure>${renderExposureCurveChart(report)}</figure>`,
      },
      { heading: 'How old can we be', body: renderHtmlTable(view.AGE_HEADER, cells(view.ageRows(report), 1)) },
      {
        heading: 'Fixed upstream, never backported',
        body: renderHtmlTable(view.BACKPORT_HEADER, cells(view.backportRows(report), 3)),
      },
      {
        heading: `Every ${report.branch} release`,
        body: renderHtmlTable(view.CURVE_HEADER, cells(view.curveRows(report), 2)),
      },
    ],
  });
}
