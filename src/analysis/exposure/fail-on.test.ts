import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFailOnMet, parseFailOn } from './fail-on.js';

describe('--fail-on', () => {
  const findings = [{ severity: 'high' as const }, { severity: null }, { severity: 'low' as const }];
  const cases: [string, boolean | 'invalid'][] = [
    ['1', true],
    ['3', true],
    ['4', false],
    ['critical', false],
    ['high', true],
    ['HIGH', true],
    ['medium', true],
    ['0', 'invalid'],
    ['none', 'invalid'],
    ['-1', 'invalid'],
    ['severe', 'invalid'],
  ];
  for (const [text, expected] of cases) {
    it(`${text} -> ${expected}`, () => {
      const rule = parseFailOn(text);
      if (expected === 'invalid') return assert.equal(rule, null);
      assert.ok(rule);
      assert.equal(isFailOnMet(rule, findings), expected);
    });
  }
});
