import { html } from '../html/html.js';

/**
 * The report page's only script (vanilla JS, no libraries, no network): the filter box keeps the rows whose text
 * has every typed word, the counter says how many are shown, and a click on a column header sorts by it (numbers
 * by value, versions by their numeric parts). Written without backslashes or template literals so it can live
 * in an `html` template as markup of kgap's own.
 */
export const STATUS_HTML_SCRIPT = html`<script>
(function () {
  var table = document.getElementById('findings');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  function apply() {
    var terms = filter.value.toLowerCase().split(' ').filter(function (t) { return t !== ''; });
    var n = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var keep = terms.every(function (t) { return text.indexOf(t) !== -1; });
      row.hidden = !keep;
      if (keep) n += 1;
    });
    shown.textContent = String(n);
  }
  filter.addEventListener('input', apply);
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      var numeric = th.getAttribute('data-type') === 'num';
      function key(row) { var c = row.cells[col]; return c.getAttribute('data-sort') || c.textContent; }
      rows.sort(function (a, b) {
        if (numeric) return dir * ((parseFloat(key(a)) || -1) - (parseFloat(key(b)) || -1));
        return dir * key(a).localeCompare(key(b), 'en', { numeric: true });
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
})();
</script>
`;

/** Style of the filter box and the sortable headers. */
export const STATUS_HTML_STYLE = html`input#filter{font:inherit;padding:.3em .5em;width:28em;max-width:100%}
th{cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" \u25b2"}th[aria-sort=descending]::after{content:" \u25bc"}
#findings td:nth-child(-n+7){white-space:nowrap}tr.not_affected td{color:#777}td.sev-critical{color:#b00;font-weight:bold}td.sev-high{color:#c40}
`;
