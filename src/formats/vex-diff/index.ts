import { formatNames } from '../format-names.js';
import { renderVexDiffJson, renderVexDiffMarkdown, renderVexDiffTable, type VexDiffView } from './render-vex-diff.js';

/** The renderers of `kgap vex diff`, one per output format. */
// biome-ignore format: the registry reads best as one line, format name to renderer
export const vexDiffFormats = { table: renderVexDiffTable, json: renderVexDiffJson, markdown: renderVexDiffMarkdown } satisfies Record<string, (view: VexDiffView) => string>;

export type VexDiffFormat = keyof typeof vexDiffFormats;
export const VEX_DIFF_FORMATS = formatNames(vexDiffFormats);
export type { VexDiffView } from './render-vex-diff.js';
