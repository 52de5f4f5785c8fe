import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ANNOTATIONS, renderAnnotation, renderAnnotations } from './github-annotations.js';

describe('GitHub workflow commands', () => {
  it('escapes the message (%, CR, LF) and properties (also : and ,) so nothing forges a command', () => {
    const line = renderAnnotation({
      level: 'error',
      title: 'CVE-2025-1: a, b',
      message: '100% broken\n::error::forged\r',
      file: 'cfg/a,b:c.config',
      line: 3,
    });
    assert.equal(
      line,
      '::error file=cfg/a%2Cb%3Ac.config,line=3,title=CVE-2025-1%3A a%2C b::100%25 broken%0A::error::forged%0D',
    );
    assert.equal(line.split('\n').length, 1);
  });
  it('no file: no file or line property', () => {
    assert.equal(renderAnnotation({ level: 'warning', title: 't', message: 'm', line: 4 }), '::warning title=t::m');
  });
  it(`at most ${MAX_ANNOTATIONS} annotations, then the closing line`, () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ level: 'error' as const, title: `t${i}`, message: 'm' }));
    const lines = renderAnnotations(many, 'done').trimEnd().split('\n');
    assert.equal(lines.length, MAX_ANNOTATIONS + 1);
    assert.equal(lines.at(-1), 'done');
  });
});
