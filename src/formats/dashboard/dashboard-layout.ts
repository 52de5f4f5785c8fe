import type { ScanFinding } from '../../domain/fleet-scan.js';
import { html, type SafeHtml } from '../html/html.js';

/** One dashboard page: server-rendered HTML that works without JavaScript (the script only adds sorting). */
export function renderDashboardPage(page: { readonly title: string; readonly body: SafeHtml }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${page.title} · kgap fleet</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222}
header{background:#1f2937;color:#fff;padding:.6em 1.2em}header a{color:#fff;text-decoration:none;font-weight:600}
main{padding:0 1.2em 2em;max-width:1400px}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4;white-space:nowrap}th[data-sort]{cursor:pointer}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.warn{color:#9a3412}tr.warn td:first-child{border-left:4px solid #ea580c}.muted{color:#666}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.facts dt{font-weight:600}
figure{margin:1em 0;display:inline-block;width:48%;min-width:420px}svg{max-width:100%;height:auto}
</style>
<script src="/assets/sort.js" defer></script>
</head>
<body>
<header><a href="/">kgap fleet</a></header>
<main>
<h1>${page.title}</h1>
${page.body}
</main>
</body>
</html>
`.text;
}

/** A sortable cell: text shown, and the value sorting uses (numbers sort as numbers). */
export type DashCell = { readonly text: SafeHtml | string; readonly sort?: string | number; readonly cls?: string };

/** A table whose header cells sort it when the script runs (`data-sort` on th, `data-v` on td). */
export function renderSortableTable(options: {
  readonly id: string;
  readonly header: readonly string[];
  readonly rows: readonly { readonly cells: readonly DashCell[]; readonly cls?: string }[];
}): SafeHtml {
  const cell = (c: DashCell) =>
    html`<td${c.cls ? html` class="${c.cls}"` : ''}${c.sort === undefined ? '' : html` data-v="${String(c.sort)}"`}>${c.text}</td>`;
  return html`<table id="${options.id}" class="sortable">
<thead><tr>${options.header.map((h) => html`<th data-sort>${h}</th>`)}</tr></thead>
<tbody>
${options.rows.map((r) => html`<tr${r.cls ? html` class="${r.cls}"` : ''}>${r.cells.map(cell)}</tr>\n`)}</tbody>
</table>`;
}

/**
 * A finding's fixing release on its branch, and when the data leaves it open (docs/semantics.md, rule 5) the reading
 * taken, as `kgap status` says it (`ambiguousReason`). Sorts by the release.
 */
export function fixedOnBranchCell(f: ScanFinding): DashCell {
  const fixed = f.fixedOnBranch ?? 'none';
  if (!f.ambiguousReason) return { text: fixed, sort: fixed };
  return { text: html`${fixed}<br><span class="muted">ambiguous: ${f.ambiguousReason}</span>`, sort: fixed };
}

/** The script behind `/assets/sort.js`: click a header to sort by that column, again to reverse. */
export const SORT_SCRIPT = `document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th[data-sort]').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var key = function (tr) {
        var td = tr.children[col];
        var v = td.hasAttribute('data-v') ? td.getAttribute('data-v') : td.textContent.trim();
        var n = Number(v);
        return v !== '' && !isNaN(n) ? n : v.toLowerCase();
      };
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`;
