import type { GateView } from '../../domain/gate-view.js';
import { renderGateJson } from './render-gate-json.js';
import { renderGateJunit } from './render-gate-junit.js';
import { renderGateMarkdown } from './render-gate-markdown.js';
import { renderGateTable } from './render-gate-table.js';

export const GATE_FORMATS = ['table', 'json', 'markdown', 'junit'] as const;
export type GateFormat = (typeof GATE_FORMATS)[number];

/** The gate renderers, one per output format. */
export const gateFormats = {
  table: renderGateTable,
  json: renderGateJson,
  markdown: renderGateMarkdown,
  junit: renderGateJunit,
} satisfies Record<GateFormat, (view: GateView) => string>;

export { GATE_JSON_SCHEMA_VERSION } from './render-gate-json.js';
