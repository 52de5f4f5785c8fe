import { formatNames } from '../format-names.js';
import type { StatusRenderOptions } from '../vex/vex-document.js';
import { renderStatusJson } from './render-status-json.js';
import { renderStatusMarkdown } from './render-status-markdown.js';
import { renderStatusTable } from './render-status-table.js';
import type { StatusView } from './status-view.js';

type Options = StatusRenderOptions | undefined;

/**
 * The status renderers, one per output format. A renderer is pure. The interchange formats load on first use and
 * return a promise: the CycloneDX library is heavy, and the VEX documents need hashing (node:crypto), so a plain
 * table or JSON query pays for neither (the warm-status start-up target, docs/performance.md).
 */
export const statusFormats = {
  table: renderStatusTable,
  json: renderStatusJson,
  markdown: renderStatusMarkdown,
  openvex: async (view: StatusView, o?: Options) =>
    (await import('./render-status-openvex.js')).renderStatusOpenvex(view, o),
  cyclonedx: async (view: StatusView, o?: Options) =>
    (await import('./render-status-cyclonedx.js')).renderStatusCyclonedx(view, o),
  csaf: async (view: StatusView, o?: Options) => (await import('./render-status-csaf.js')).renderStatusCsaf(view, o),
  sarif: async (view: StatusView, o?: Options) => (await import('./render-status-sarif.js')).renderStatusSarif(view, o),
  github: async (view: StatusView, o?: Options) => (await import('./render-status-ci.js')).renderStatusGithub(view, o),
  gitlab: async (view: StatusView, o?: Options) => (await import('./render-status-ci.js')).renderStatusGitlab(view, o),
  html: async (view: StatusView, o?: Options) => (await import('./render-status-html.js')).renderStatusHtml(view, o),
} satisfies Record<string, (view: StatusView, options?: StatusRenderOptions) => string | Promise<string>>;

export type StatusFormat = keyof typeof statusFormats;
export const STATUS_FORMATS = formatNames(statusFormats);

export type { StatusRenderOptions } from '../vex/vex-document.js';
export type { StatusView } from './status-view.js';
