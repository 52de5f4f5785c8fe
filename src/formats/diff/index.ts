import type { DiffReport } from '../../analysis/diff/assess-diff.js';
import { renderDiffJson } from './render-diff-json.js';
import { renderDiffMarkdown } from './render-diff-markdown.js';
import { renderDiffTable } from './render-diff-table.js';

export const DIFF_FORMATS = ['table', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** The diff renderers, one per output format; `all` lists every CVE (JSON always does). */
export const diffFormats = {
  table: renderDiffTable,
  json: renderDiffJson,
  markdown: renderDiffMarkdown,
} satisfies Record<DiffFormat, (report: DiffReport, options: { all: boolean }) => string>;
