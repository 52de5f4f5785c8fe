import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../../domain/invalid-input.js';
import { requireTimeoutSeconds } from './boot-input.js';

describe('requireTimeoutSeconds', () => {
  const good: [string | number, number][] = [
    ['120', 120],
    [' 5 ', 5],
    ['0.5', 0.5],
    [3600, 3600],
  ];
  for (const [value, want] of good)
    it(`${JSON.stringify(value)} -> ${want}`, () => assert.equal(requireTimeoutSeconds('t', value), want));
  for (const value of ['soon', '', '0', '-1', '3601', 'Infinity', Number.NaN]) {
    it(`${JSON.stringify(String(value))} is refused naming the field`, () => {
      assert.throws(
        () => requireTimeoutSeconds('bootTimeout', value),
        (e) =>
          e instanceof InvalidInput && e.field === 'bootTimeout' && /^takes seconds between 1 and 3600/.test(e.problem),
      );
    });
  }
});
