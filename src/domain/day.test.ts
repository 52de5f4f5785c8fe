import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, dayFromNumber, dayNumber, daysBetween, isDay, requireDay, utcDay } from './day.js';
import { InvalidInput } from './invalid-input.js';

describe('day', () => {
  const VALID = ['2024-02-29', '1970-01-01', '2026-12-31'];
  const INVALID = [
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-2-29',
    '24-02-01',
    '',
    '2024-02-29T00:00:00Z',
  ];
  for (const text of VALID) it(`${text} is a day`, () => assert.equal(isDay(text), true));
  for (const text of INVALID) it(`${JSON.stringify(text)} is not a day`, () => assert.equal(isDay(text), false));
  it('requireDay names the field and the form', () => {
    assert.throws(
      () => requireDay('asOf', '2024-02-30'),
      (e: unknown) =>
        e instanceof InvalidInput &&
        e.field === 'asOf' &&
        e.message === 'asOf takes a day as YYYY-MM-DD (e.g. 2024-02-13), not "2024-02-30"',
    );
  });
  it('counts and moves days across leap years', () => {
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2023-02-28', '2023-03-01'), 1);
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(dayFromNumber(dayNumber('2024-02-29')), '2024-02-29');
  });
  it('utcDay takes the offset into account', () => {
    assert.equal(utcDay('2026-08-21T18:32:04+02:00'), '2026-08-21');
    assert.equal(utcDay('2026-08-21T01:00:00+02:00'), '2026-08-20');
  });
});
