import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CveRecord } from '../../domain/cve.js';
import { buildIndex, buildRecord } from '../../domain/cve-record.test-helper.js';
import { isDay } from '../../domain/day.js';
import { buildReleaseTable } from '../../domain/release.js';
import { UserError } from '../../domain/user-error.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { assessLag } from './assess-lag.js';

/** A record from `intro:fix` pairs ('' = none). */
const record = (id: string, published: string, dyad: readonly string[]): CveRecord =>
  buildRecord({ id, published, dyad });

const indexOf = (records: readonly CveRecord[]): VulnsIndex => buildIndex(records, '2025-01-02T00:00:00Z', '0');

// A hand-checkable history. Lag = publication - fix release date, in days (2024 is a leap year).
const releases = buildReleaseTable([
  ['6.1', '2024-01-01'],
  ['6.2', '2024-03-01'],
  ['6.1.10', '2024-02-01'],
  ['6.1.20', '2024-04-01'],
  ['5.15.100', '2024-01-21'],
  ['5.15.110', '2024-05-01'],
]).table;
const index = indexOf([
  // First fix 6.1.10 (Feb 1): 29 + 10 = 39 days; mainline 6.2 (Mar 1): 10 days.
  record('CVE-2024-0001', '2024-03-11', ['6.1:6.2', '6.1:6.1.10']),
  // First fix 5.15.100 (Jan 21): 10 + 29 = 40; mainline same day (0); on 6.1 the fix came 31 days after.
  record('CVE-2024-0002', '2024-03-01', ['5.10:6.2', '5.10:6.1.20', '5.10:5.15.100']),
  // Mainline only: Mar 1 2024 -> Jan 1 2025 = 306.
  record('CVE-2025-0003', '2025-01-01', ['5.10:6.2']),
  // No fix anywhere: left out.
  record('CVE-2024-0004', '2024-06-01', ['6.1:']),
  // Published Dec 1 2023, fixed on 6.1.20 (Apr 1 2024): -(31 + 31 + 29 + 31) = -122.
  record('CVE-2023-0005', '2023-12-01', ['6.1:6.1.20']),
]);

describe('assessLag on a constructed history', () => {
  const r = assessLag(index, releases, { since: null, branch: '6.1' });
  it('overall: lag to the first fix release on any branch', () => {
    assert.deepEqual([...r.lags], [-122, 39, 40, 306]);
    assert.equal(r.overall.cves, 4);
    assert.equal(r.overall.fixReleasedBeforePublicationShare, 0.75);
    assert.equal(r.overall.fixAfterPublication, 1);
    assert.equal(r.overall.meanLagDays, 65.8); // 263 / 4 = 65.75
    assert.equal(r.overall.medianLagDays, 39.5);
    assert.equal(r.overall.p90LagDays, 306);
    assert.equal(r.overall.meanLagDaysWhenFixedBefore, 128.3);
    assert.deepEqual(r.excluded, { beforeSince: 0, noDatedFix: 1 });
    assert.deepEqual(r.published, { first: '2023-12-01', last: '2025-01-01' });
  });
  it('mainline: lag to the first mainline release with the fix', () => {
    assert.equal(r.mainline.cves, 3); // 10, 0, 306
    assert.equal(r.mainline.sameDay, 1);
    assert.equal(r.mainline.medianLagDays, 10);
    assert.equal(r.mainline.meanLagDays, 105.3);
  });
  it('per stable branch: the share of fixes that arrived after publication', () => {
    assert.deepEqual(
      r.byBranch.map((b) => [b.branch, b.cves, b.fixAfterPublicationShare, b.medianLagDays]),
      [
        ['5.15', 1, 0, 40],
        ['6.1', 3, 0.6667, -31], // 39, -31, -122
      ],
    );
    assert.equal(r.selectedBranch?.branch, '6.1');
    assert.equal(r.selectedBranch?.fixAfterPublication, 2);
  });
  it('per publication year', () => {
    assert.deepEqual(
      r.byYear.map((y) => [y.year, y.cves, y.medianLagDays]),
      [
        ['2023', 1, -122],
        ['2024', 2, 39.5],
        ['2025', 1, 306],
      ],
    );
  });
  it('--since leaves out earlier CVEs', () => {
    const s = assessLag(index, releases, { since: '2024-01-01', branch: null });
    assert.equal(s.overall.cves, 3);
    assert.equal(s.excluded.beforeSince, 1);
    assert.equal(s.selectedBranch, null);
    assert.equal(s.byBranch.find((b) => b.branch === '6.1')?.cves, 2);
  });
});

describe('assessLag: bad input is a UserError', () => {
  const cases = [
    { name: 'since after the data', options: { since: '2026-01-01', branch: null }, message: /outside the data/ },
    { name: 'since before the data', options: { since: '2020-01-01', branch: null }, message: /outside the data/ },
    { name: 'unknown branch', options: { since: null, branch: '9.9' }, message: /no releases/ },
    { name: 'mainline-only branch', options: { since: null, branch: '6.2' }, message: /no dated stable releases/ },
    { name: 'a version, not a branch', options: { since: null, branch: '6.1.10' }, message: /stable branch like 6.1/ },
    { name: 'nothing in range', options: { since: '2025-01-01', branch: null }, message: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      if (c.message === null) {
        assert.equal(assessLag(index, releases, c.options).overall.cves, 1);
        return;
      }
      assert.throws(
        () => assessLag(index, releases, c.options),
        (e: unknown) => e instanceof UserError && c.message.test(e.message) && !e.message.includes('\n'),
      );
    });
  }
  it('no dated fix at all', () =>
    assert.throws(
      () =>
        assessLag(indexOf([record('CVE-2024-0004', '2024-06-01', ['6.1:'])]), releases, { since: null, branch: null }),
      UserError,
    ));
});

describe('isDay', () => {
  const cases = [
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-2-1', false],
    ['yesterday', false],
  ] as const;
  for (const [text, want] of cases) it(text, () => assert.equal(isDay(text), want));
});
