import type { SimulationReport } from '../../analysis/simulate/assess-simulation.js';
import { renderSimulateHtml } from './render-simulate-html.js';
import { renderSimulateJson } from './render-simulate-json.js';
import { renderSimulateMarkdown } from './render-simulate-markdown.js';
import { renderSimulateTable } from './render-simulate-table.js';

export const SIMULATE_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type SimulateFormat = (typeof SIMULATE_FORMATS)[number];

/** The simulate renderers, one per output format. */
export const simulateFormats = {
  table: renderSimulateTable,
  json: renderSimulateJson,
  markdown: renderSimulateMarkdown,
  html: renderSimulateHtml,
} satisfies Record<SimulateFormat, (report: SimulationReport) => string>;
