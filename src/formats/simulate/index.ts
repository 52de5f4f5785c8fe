import type { SimulationReport } from '../../analysis/simulate/assess-simulation.js';
import { formatNames } from '../format-names.js';
import { renderSimulateHtml } from './render-simulate-html.js';
import { renderSimulateJson } from './render-simulate-json.js';
import { renderSimulateMarkdown } from './render-simulate-markdown.js';
import { renderSimulateTable } from './render-simulate-table.js';

/** The simulate renderers, one per output format. */
// biome-ignore format: the registry reads best as one line, format name to renderer
export const simulateFormats = { table: renderSimulateTable, json: renderSimulateJson, markdown: renderSimulateMarkdown, html: renderSimulateHtml } satisfies Record<string, (report: SimulationReport) => string>;

export type SimulateFormat = keyof typeof simulateFormats;
export const SIMULATE_FORMATS = formatNames(simulateFormats);
