import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownCode, renderMarkdownTable } from './markdown.js';
import { printableCell, printableLine, printableOutput } from './printable.js';
import { renderTextTable } from './text-table.js';

describe('printable text', () => {
  it('shows control characters as escapes; cells keep one line', () => {
    const evil = 'a\x1b]0;t\x07b\nc\td\u202ee';
    assert.equal(printableLine(evil), 'a\\x1b]0;t\\x07b\\nc\\td\\u202ee');
    assert.equal(printableCell(evil), 'a\\x1b]0;t\\x07b c d\\u202ee');
    assert.equal(printableOutput('line 1\n\tline 2\x1b[31m\r\n'), 'line 1\n\tline 2\\x1b[31m\\r\n');
    assert.equal(printableLine('plain ünïcode — ok'), 'plain ünïcode — ok');
  });
  it('a text table has one line per row whatever the cells hold', () => {
    const out = renderTextTable(['ID', 'TITLE'], [['CVE-1', 'x\nCVE-2  forged']]);
    assert.deepEqual(out.split('\n'), ['ID     TITLE', 'CVE-1  x CVE-2  forged']);
  });
  it('Markdown: text cells escape HTML, code cells show text literally and cannot be closed early', () => {
    assert.equal(markdownCode('<script>'), '`<script>`');
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('x`'), '`` x` ``');
    assert.equal(markdownCode('a|b'), '`a\\|b`');
    assert.equal(
      renderMarkdownTable(['t', 'c'], [['<img onerror=x>\x1b', { code: '<b>' }]]),
      '| t | c |\n|---|---|\n| &lt;img onerror=x&gt;\\\\x1b | `<b>` |',
    );
  });
});
