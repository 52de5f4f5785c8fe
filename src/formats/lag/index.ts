import type { LagReport } from '../../analysis/lag/assess-lag.js';
import { formatNames } from '../format-names.js';
import { renderLagHtml } from './render-lag-html.js';
import { renderLagJson } from './render-lag-json.js';
import { renderLagMarkdown } from './render-lag-markdown.js';
import { renderLagTable } from './render-lag-table.js';

/** The lag renderers, one per output format. */
// biome-ignore format: the registry reads best as one line, format name to renderer
export const lagFormats = { table: renderLagTable, json: renderLagJson, markdown: renderLagMarkdown, html: renderLagHtml } satisfies Record<string, (report: LagReport) => string>;

export type LagFormat = keyof typeof lagFormats;
export const LAG_FORMATS = formatNames(lagFormats);
