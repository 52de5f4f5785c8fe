import type { VexChange, VexDiff } from '../../analysis/vex/compare-vex.js';
import { VEX_CHANGE_KINDS } from '../../analysis/vex/compare-vex.js';
import { renderMarkdownTable } from '../text/markdown.js';
import { renderTextTable } from '../text/text-table.js';

/** What the renderers need: both documents' summaries and the diff (the use-case's report). */
export type VexDiffView = {
  readonly old: { readonly source: string; readonly format: string; readonly product: string | null };
  readonly new: { readonly source: string; readonly format: string; readonly product: string | null };
  readonly diff: VexDiff;
};

/** Bumped on any incompatible change of the JSON below (docs/formats.md, "vex diff"). */
export const VEX_DIFF_SCHEMA_VERSION = 1;

const sideText = (s: VexChange['from']) =>
  s === null ? 'not listed' : `${s.status}${s.justification ? ` (${s.justification})` : ''}`;

function headline(v: VexDiffView): string {
  const c = v.diff.counts;
  const doc = (d: VexDiffView['old']) => `${d.source} (${d.format}${d.product ? `, ${d.product}` : ''})`;
  return [
    `${doc(v.old)} -> ${doc(v.new)}`,
    VEX_CHANGE_KINDS.map((k) => `${k} ${c[k]}`).join(', ') + `; unchanged ${v.diff.unchanged}`,
  ].join('\n');
}

/** Plain text: the counts, then one line per change. */
export function renderVexDiffTable(v: VexDiffView): string {
  const rows = v.diff.changes.map((ch) => [ch.kind, ch.id, sideText(ch.from), sideText(ch.to)]);
  const table = rows.length ? renderTextTable(['CHANGE', 'ID', 'OLD', 'NEW'], rows) : 'No changes.';
  return `${headline(v)}\n\n${table}\n`;
}

/** Markdown for a review (a merge request or the publication's change note). */
export function renderVexDiffMarkdown(v: VexDiffView): string {
  const rows = v.diff.changes.map((ch) => [ch.kind, ch.id, sideText(ch.from), sideText(ch.to), ch.action ?? '']);
  const table = rows.length ? renderMarkdownTable(['Change', 'ID', 'Old', 'New', 'Action'], rows) : '_No changes._';
  return `# VEX diff\n\n${headline(v)
    .split('\n')
    .map((l) => `- ${l}`)
    .join('\n')}\n\n${table}\n`;
}

/** JSON: `{ schemaVersion, old, new, counts, unchanged, changes[{id, kind, from, to, action}] }`. */
export function renderVexDiffJson(v: VexDiffView): string {
  const doc = {
    schemaVersion: VEX_DIFF_SCHEMA_VERSION,
    old: v.old,
    new: v.new,
    counts: v.diff.counts,
    unchanged: v.diff.unchanged,
    changes: v.diff.changes,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
