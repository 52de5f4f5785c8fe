import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { html } from '../html/html.js';
import { type HtmlCell, num, renderHtmlTable } from '../html/html-table.js';
import { renderHtmlPage } from '../html/render-html-page.js';
import { renderExposureCurveChart } from './exposure-curve-chart.js';
import {
  AGE_HEADER,
  ageRows,
  BACKPORT_HEADER,
  backportRows,
  CURVE_HEADER,
  curveRows,
  exposureSentences,
} from './exposure-curve-view.js';

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
        body: html`<ul>${exposureSentences(report).map((l) => html`<li>${l}</li>`)}</ul>\n<figure>${renderExposureCurveChart(report)}</figure>`,
      },
      { heading: 'How old can we be', body: renderHtmlTable(AGE_HEADER, cells(ageRows(report), 1)) },
      {
        heading: 'Fixed upstream, never backported',
        body: renderHtmlTable(BACKPORT_HEADER, cells(backportRows(report), 3)),
      },
      { heading: `Every ${report.branch} release`, body: renderHtmlTable(CURVE_HEADER, cells(curveRows(report), 2)) },
    ],
  });
}
