import { formatNames } from '../format-names.js';
import { renderStatusJson } from './render-status-json.js';
import { renderStatusMarkdown } from './render-status-markdown.js';
import { renderStatusOpenvex } from './render-status-openvex.js';
import { renderStatusTable } from './render-status-table.js';
import type { StatusView } from './status-view.js';

/** The status renderers, one per output format. */
// biome-ignore format: the registry reads best as one line, format name to renderer
export const statusFormats = { table: renderStatusTable, json: renderStatusJson, markdown: renderStatusMarkdown, openvex: renderStatusOpenvex } satisfies Record<string, (view: StatusView) => string>;

export type StatusFormat = keyof typeof statusFormats;
export const STATUS_FORMATS = formatNames(statusFormats);

export type { StatusView } from './status-view.js';
