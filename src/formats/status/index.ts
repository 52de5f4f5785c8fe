import { renderStatusJson } from './render-status-json.js';
import { renderStatusMarkdown } from './render-status-markdown.js';
import { renderStatusOpenvex } from './render-status-openvex.js';
import { renderStatusTable } from './render-status-table.js';
import type { StatusView } from './status-view.js';

export const STATUS_FORMATS = ['table', 'json', 'markdown', 'openvex'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

/** The status renderers, one per output format. */
export const statusFormats = {
  table: renderStatusTable,
  json: renderStatusJson,
  markdown: renderStatusMarkdown,
  openvex: renderStatusOpenvex,
} satisfies Record<StatusFormat, (view: StatusView) => string>;

export type { StatusView } from './status-view.js';
