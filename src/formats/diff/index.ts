import type { DiffReport } from '../../analysis/diff/assess-diff.js';
import { formatNames } from '../format-names.js';
import { renderDiffJson } from './render-diff-json.js';
import { renderDiffMarkdown } from './render-diff-markdown.js';
import { renderDiffTable } from './render-diff-table.js';

/** The diff renderers, one per output format; `all` lists every CVE (JSON always does). */
export const diffFormats = {
  table: renderDiffTable,
  json: renderDiffJson,
  markdown: renderDiffMarkdown,
} satisfies Record<string, (report: DiffReport, options: { all: boolean }) => string>;

export type DiffFormat = keyof typeof diffFormats;
export const DIFF_FORMATS = formatNames(diffFormats);
