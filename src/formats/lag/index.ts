import type { LagReport } from '../../analysis/lag/assess-lag.js';
import { renderLagHtml } from './render-lag-html.js';
import { renderLagJson } from './render-lag-json.js';
import { renderLagMarkdown } from './render-lag-markdown.js';
import { renderLagTable } from './render-lag-table.js';

export const LAG_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type LagFormat = (typeof LAG_FORMATS)[number];

/** The lag renderers, one per output format. */
export const lagFormats = {
  table: renderLagTable,
  json: renderLagJson,
  markdown: renderLagMarkdown,
  html: renderLagHtml,
} satisfies Record<LagFormat, (report: LagReport) => string>;
