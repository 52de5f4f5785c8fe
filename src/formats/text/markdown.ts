import { printableCell } from './printable.js';

/**
 * Escapes text for Markdown (a table cell, a list item, a heading): one line, control characters shown as escapes,
 * pipes and backslashes escaped, `<` and `>` as entities so no HTML (`<img onerror=…>`) reaches a renderer.
 */
export function escapeMarkdownCell(text: string): string {
  return printableCell(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A code span showing `text` literally: fenced with more backticks than it contains, so a backtick in a path cannot
 * end the span early; nothing inside is entity-escaped (a code span shows `&lt;` as written). Pipes are escaped,
 * which GitHub's tables need even inside code spans.
 */
export function markdownCode(text: string): string {
  const line = printableCell(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A table cell: text (escaped) or a code span (made by `markdownCode` when rendered). */
export type MarkdownCell = string | { readonly code: string };

/** Renders a Markdown table; text cells are escaped, code cells become code spans. */
export function renderMarkdownTable(header: readonly string[], rows: readonly (readonly MarkdownCell[])[]): string {
  const cell = (c: MarkdownCell) => (typeof c === 'string' ? escapeMarkdownCell(c) : markdownCode(c.code));
  const head = `| ${header.join(' | ')} |`;
  const rule = `|${header.map(() => '---').join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}
