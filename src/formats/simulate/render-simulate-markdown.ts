import type { SimulationReport } from '../../analysis/simulate/assess-simulation.js';
import { renderMarkdownChart } from '../chart/svg-data-uri.js';
import { escapeMarkdownCell, renderMarkdownTable } from '../text/markdown.js';
import { renderSimulateCharts } from './simulate-chart.js';
import { simulateHeader, simulateRow, simulateSummaryLines } from './simulate-rows.js';

/** Markdown report with the chart as an inline image. */
export function renderSimulateMarkdown(report: SimulationReport): string {
  const summary = simulateSummaryLines(report)
    .map((l) => `- ${escapeMarkdownCell(l.trim())}`)
    .join('\n');
  const table = renderMarkdownTable(
    simulateHeader(report),
    report.policies.map((p) => simulateRow(report, p)),
  );
  const charts = renderSimulateCharts(report)
    .map((c) => renderMarkdownChart(c.title, c.svg))
    .join('\n\n');
  return `# kgap simulate: ${report.branch} from ${report.start.version}\n\n${summary}\n\n${table}\n\n${charts}\n`;
}
