import { formatNames } from '../format-names.js';
import type { StatusRenderOptions } from '../vex/vex-document.js';
import { renderStatusGithub, renderStatusGitlab } from './render-status-ci.js';
import { renderStatusCsaf } from './render-status-csaf.js';
import { renderStatusHtml } from './render-status-html.js';
import { renderStatusJson } from './render-status-json.js';
import { renderStatusMarkdown } from './render-status-markdown.js';
import { renderStatusOpenvex } from './render-status-openvex.js';
import { renderStatusSarif } from './render-status-sarif.js';
import { renderStatusTable } from './render-status-table.js';
import type { StatusView } from './status-view.js';

/**
 * The status renderers, one per output format. A renderer is pure; one whose library is heavy to load
 * (CycloneDX) loads it on first use and returns a promise, so other formats do not pay for it.
 */
export const statusFormats = {
  table: renderStatusTable,
  json: renderStatusJson,
  markdown: renderStatusMarkdown,
  openvex: renderStatusOpenvex,
  cyclonedx: async (view: StatusView, options?: StatusRenderOptions) =>
    (await import('./render-status-cyclonedx.js')).renderStatusCyclonedx(view, options),
  csaf: renderStatusCsaf,
  sarif: renderStatusSarif,
  github: renderStatusGithub,
  gitlab: renderStatusGitlab,
  html: renderStatusHtml,
} satisfies Record<string, (view: StatusView, options?: StatusRenderOptions) => string | Promise<string>>;

export type StatusFormat = keyof typeof statusFormats;
export const STATUS_FORMATS = formatNames(statusFormats);

export type { StatusRenderOptions } from '../vex/vex-document.js';
export type { StatusView } from './status-view.js';
