import type { GateView } from '../../domain/gate-view.js';
import { formatNames } from '../format-names.js';
import { renderGateJson } from './render-gate-json.js';
import { renderGateJunit } from './render-gate-junit.js';
import { renderGateKcidb } from './render-gate-kcidb.js';
import { renderGateMarkdown } from './render-gate-markdown.js';
import { renderGateTable } from './render-gate-table.js';

/** The gate renderers, one per output format. */
// biome-ignore format: the registry reads best as one line, format name to renderer
export const gateFormats = { table: renderGateTable, json: renderGateJson, markdown: renderGateMarkdown, junit: renderGateJunit, kcidb: renderGateKcidb } satisfies Record<string, (view: GateView) => string>;

export type GateFormat = keyof typeof gateFormats;
export const GATE_FORMATS = formatNames(gateFormats);

export { GATE_JSON_SCHEMA_VERSION } from './render-gate-json.js';
