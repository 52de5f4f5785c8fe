import { html, type SafeHtml } from './html.js';

/** A cell: text (escaped), or text with alignment for numbers. */
export type HtmlCell = string | { readonly text: string; readonly numeric: true };

/** Renders a plain HTML table; numeric cells are right-aligned. Every cell goes through the escaping tag. */
export function renderHtmlTable(header: readonly string[], rows: readonly (readonly HtmlCell[])[]): SafeHtml {
  const cell = (c: HtmlCell) => (typeof c === 'string' ? html`<td>${c}</td>` : html`<td class="num">${c.text}</td>`);
  return html`<table>
<thead><tr>${header.map((h) => html`<th>${h}</th>`)}</tr></thead>
<tbody>
${rows.map((r) => html`<tr>${r.map(cell)}</tr>\n`)}</tbody>
</table>`;
}

/** A numeric cell. */
export function num(value: string | number): HtmlCell {
  return { text: String(value), numeric: true };
}
