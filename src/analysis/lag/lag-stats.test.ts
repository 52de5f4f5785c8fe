import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { medianOfSorted, percentileOfSorted, summarizeLags } from './lag-stats.js';

describe('summarizeLags', () => {
  it('counts before / same day / after and their shares', () => {
    const s = summarizeLags([306, -122, 40, 39, 0]);
    assert.equal(s.cves, 5);
    assert.equal(s.fixReleasedBeforePublication, 3);
    assert.equal(s.sameDay, 1);
    assert.equal(s.fixAfterPublication, 1);
    assert.equal(s.fixReleasedBeforePublicationShare, 0.6);
    assert.equal(s.fixAfterPublicationShare, 0.2);
    assert.equal(s.meanLagDays, 52.6); // 263 / 5
    assert.equal(s.medianLagDays, 39);
    assert.equal(s.p90LagDays, 306); // nearest rank: ceil(0.9 * 5) = 5th value
    assert.equal(s.meanLagDaysWhenFixedBefore, 128.3); // 385 / 3
  });
  it('an empty list has no averages', () => {
    const s = summarizeLags([]);
    assert.equal(s.cves, 0);
    assert.equal(s.fixReleasedBeforePublicationShare, 0);
    assert.equal(s.meanLagDays, null);
    assert.equal(s.medianLagDays, null);
    assert.equal(s.p90LagDays, null);
    assert.equal(s.meanLagDaysWhenFixedBefore, null);
  });
  it('shares round to 4 decimals', () =>
    assert.equal(summarizeLags([1, 1, -1]).fixReleasedBeforePublicationShare, 0.6667));
});

describe('median and percentile', () => {
  const cases = [
    { sorted: [1], median: 1, p90: 1 },
    { sorted: [1, 2], median: 1.5, p90: 2 },
    { sorted: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], median: 5.5, p90: 9 },
    { sorted: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], median: 6, p90: 10 },
  ];
  for (const c of cases) {
    it(`${c.sorted.length} values`, () => {
      assert.equal(medianOfSorted(c.sorted), c.median);
      assert.equal(percentileOfSorted(c.sorted, 90), c.p90);
    });
  }
});
