import type { SimulationReport } from '../../analysis/simulate/assess-simulation.js';
import { html } from '../html/html.js';
import { renderHtmlTable } from '../html/html-table.js';
import { renderHtmlPage } from '../html/render-html-page.js';
import { renderSimulateCharts } from './simulate-chart.js';
import { simulateHeader, simulateRow, simulateSummaryLines } from './simulate-rows.js';

/** A self-contained HTML page: summary, results table and the inline SVG chart. */
export function renderSimulateHtml(report: SimulationReport): string {
  const rows = report.policies.map((p) => simulateRow(report, p));
  return renderHtmlPage({
    title: `kgap simulate: ${report.branch} from ${report.start.version}`,
    intro: html`<ul>${simulateSummaryLines(report).map((l) => html`<li>${l.trim()}</li>`)}</ul>`,
    sections: [
      { heading: 'Results per policy', body: renderHtmlTable(simulateHeader(report), rows) },
      {
        heading: 'Open CVEs over time',
        body: html`${renderSimulateCharts(report).map((c) => html`<figure>${c.svg}</figure>\n`)}`,
      },
    ],
  });
}
