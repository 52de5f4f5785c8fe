import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayNumber, dayFromNumber as dayText } from '../../domain/day.js';
import { dateAxis, formatNumber, numericAxis } from './chart-scale.js';

describe('numericAxis', () => {
  const cases = [
    { min: 0, max: 97, want: [0, 20, 40, 60, 80, 100] },
    { min: -35, max: 120, want: [-50, 0, 50, 100, 150] },
    { min: 0, max: 0, want: [0, 0.2, 0.4, 0.6, 0.8, 1] },
    { min: 3, max: 3.9, want: [3, 3.2, 3.4, 3.6, 3.8, 4] },
  ];
  for (const c of cases) {
    it(`${c.min}..${c.max}`, () => {
      const axis = numericAxis(c.min, c.max);
      assert.deepEqual(
        axis.ticks.map((t) => Number(t.value.toFixed(6))),
        c.want,
      );
      assert.ok(axis.min <= c.min && axis.max >= c.max);
    });
  }
});

describe('dateAxis', () => {
  it('yearly ticks on 1 January over several years', () => {
    const axis = dateAxis(dayNumber('2019-05-03'), dayNumber('2025-08-21'));
    assert.deepEqual(
      axis.ticks.map((t) => t.label),
      ['2020', '2021', '2022', '2023', '2024', '2025'],
    );
  });
  it('monthly ticks over a few months', () => {
    const axis = dateAxis(dayNumber('2026-01-15'), dayNumber('2026-05-02'));
    assert.deepEqual(
      axis.ticks.map((t) => t.label),
      ['2026-02', '2026-03', '2026-04', '2026-05'],
    );
  });
});

describe('day numbers and number text', () => {
  it('round-trips dates', () => assert.equal(dayText(dayNumber('2024-02-29')), '2024-02-29'));
  it('rejects non-dates', () => assert.ok(Number.isNaN(dayNumber('2024-2-29'))));
  it('no negative zero', () => assert.equal(formatNumber(-0.01), '0'));
});

describe('dateAxis over a long span', () => {
  it('steps by two years when yearly ticks would crowd', () => {
    const axis = dateAxis(dayNumber('2019-05-03'), dayNumber('2026-08-21'));
    assert.deepEqual(
      axis.ticks.map((t) => t.label),
      ['2020', '2022', '2024', '2026'],
    );
  });
});
