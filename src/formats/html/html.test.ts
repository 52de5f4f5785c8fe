import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, html, isSafeHtml } from './html.js';
import { num, renderHtmlTable } from './html-table.js';
import { renderHtmlPage } from './render-html-page.js';

describe('html tag', () => {
  const cases = [
    {
      name: 'escapes text',
      got: html`<td>${'a<b & "c" \'d\''}</td>`.text,
      want: '<td>a&lt;b &amp; &quot;c&quot; &#39;d&#39;</td>',
    },
    { name: 'keeps SafeHtml', got: html`<p>${html`<b>${'<x>'}</b>`}</p>`.text, want: '<p><b>&lt;x&gt;</b></p>' },
    { name: 'joins arrays', got: html`${[1, '<', html`<i/>`]}`.text, want: '1&lt;<i/>' },
    { name: 'drops null/undefined/false', got: html`[${null}${undefined}${false}]`.text, want: '[]' },
    { name: 'numbers as text', got: html`${0}${-1.5}`.text, want: '0-1.5' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(c.got, c.want));

  it('a plain object that looks like SafeHtml is escaped, not trusted', () => {
    const fake = { text: '<script>' } as unknown as string;
    assert.equal(isSafeHtml(fake), false);
    assert.equal(html`${fake}`.text, '[object Object]');
  });
  it('escapeHtml leaves plain text alone', () => assert.equal(escapeHtml('6.1.170 — ok'), '6.1.170 — ok'));
});

describe('renderHtmlPage', () => {
  it('escapes the title and section headings and keeps bodies', () => {
    const page = renderHtmlPage({
      title: 'lag <x>',
      sections: [{ heading: 'A & B', body: renderHtmlTable(['CVE', 'n'], [['<img src=x>', num(3)]]) }],
    });
    assert.match(page, /^<!doctype html>\n/);
    assert.match(page, /<title>lag &lt;x&gt;<\/title>/);
    assert.match(page, /<h2>A &amp; B<\/h2>/);
    assert.match(page, /<td>&lt;img src=x&gt;<\/td><td class="num">3<\/td>/);
    assert.doesNotMatch(page, /<img/);
    assert.ok(page.endsWith('</html>\n'));
  });
});
