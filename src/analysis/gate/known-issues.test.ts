import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KnownIssue } from '../../domain/known-issue.js';
import { knownIssueMatcher } from './known-issues.js';

const issue = (test: string, expires: string, reason = 'r'): KnownIssue => ({
  test,
  crash: null,
  reason,
  expires,
  link: null,
});

describe('knownIssueMatcher', () => {
  const m = knownIssueMatcher(
    [
      issue('kunit/*/slow_*', '2026-12-31'),
      issue('ltp/a.b', '2026-01-01', 'old'),
      issue('ltp/a.b', '2027-01-01', 'renewed'),
    ],
    '2026-06-01',
  );
  const cases: [string, string | null][] = [
    ['kunit/mm/slow_alloc', 'r 2026-12-31 false'],
    ['kunit/slow_alloc', null], // `*/` needs a segment
    ['ltp/a.b', 'renewed 2027-01-01 false'], // an unexpired entry wins over an expired one
    ['ltp/aXb', null], // `.` is literal
  ];
  for (const [id, want] of cases) {
    it(id, () => {
      const got = m.test(id);
      assert.equal(got === null ? null : `${got.reason} ${got.expires} ${got.expired}`, want);
    });
  }
  it('expires is the last valid day', () => {
    assert.equal(knownIssueMatcher([issue('t', '2026-06-01')], '2026-06-01').test('t')?.expired, false);
    assert.equal(knownIssueMatcher([issue('t', '2026-06-01')], '2026-06-02').test('t')?.expired, true);
  });
});
