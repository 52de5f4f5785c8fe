import type { SimulationReport } from '../../analysis/simulate/assess-simulation.js';
import { renderTextTable } from '../text/text-table.js';
import { simulateHeader, simulateRow, simulateSummaryLines } from './simulate-rows.js';

/** Plain-text report for a terminal. */
export function renderSimulateTable(report: SimulationReport): string {
  const rows = report.policies.map((p) => simulateRow(report, p));
  return `${simulateSummaryLines(report).join('\n')}\n\n${renderTextTable(simulateHeader(report), rows)}\n`;
}
