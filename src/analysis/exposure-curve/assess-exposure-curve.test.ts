import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CveRecord } from '../../domain/cve.js';
import { buildRecord } from '../../domain/cve-record.test-helper.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { buildReleaseTable } from '../../domain/release.js';
import { UserError } from '../../domain/user-error.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { assessAffectedOnBranch } from './affected-on-branch.js';
import { assessExposureCurve } from './assess-exposure-curve.js';

/** A record from `intro:fix` pairs ('' = none). */
const record = (id: string, published: string, dyad: readonly string[], severity: 'high' | null = null): CveRecord =>
  buildRecord({ id, published, dyad, cvss: severity ? { score: 7.5, severity } : null });

const releases = buildReleaseTable([
  ['5.10', '2020-12-13'],
  ['6.1', '2024-01-01'],
  ['6.1.1', '2024-02-01'],
  ['6.1.2', '2024-03-01'],
  ['6.1.3', '2024-04-01'],
  ['6.2', '2024-02-15'],
  ['5.15.1', '2024-03-20'],
]).table;
const records = [
  // Fixed on 6.1 by 6.1.2: affects 6.1 and 6.1.1.
  record('CVE-2024-0001', '2024-03-10', ['6.1:6.1.2', '6.1:6.2']),
  // Introduced by the 6.1.1 backport, fixed by 6.1.3: affects 6.1.1 and 6.1.2.
  record('CVE-2024-0002', '2024-04-20', ['6.1.1:6.1.3']),
  // Fixed in mainline 6.2 only, bug older than 6.1: affects every 6.1 (and 5.15) release.
  record('CVE-2024-0003', '2024-02-20', ['5.10:6.2'], 'high'),
  // Published after the as-of date: not counted.
  record('CVE-2024-0004', '2024-05-01', ['5.10:6.2']),
  // No fix anywhere: affects every 6.1 and 5.15 release, not "fixed upstream".
  record('CVE-2024-0005', '2024-04-25', ['5.10:']),
];
const index: VulnsIndex = {
  schemaVersion: 1,
  source: 'test',
  vulnsCommit: '0'.repeat(40),
  vulnsCommitDate: '2024-05-01T10:00:00Z',
  records,
  problems: [],
};

describe('assessExposureCurve on a constructed history', () => {
  const r = assessExposureCurve(index, releases, { branch: '6.1', asOf: '2024-04-30' });
  it('counts the CVEs published by D that affect each release, against its age at D', () => {
    assert.equal(r.publishedCves, 4);
    assert.deepEqual(
      r.points.map((p) => [p.version, p.ageDays, p.openCves, p.fixedInNewerRelease, p.highOrCritical]),
      [
        ['6.1', 120, 3, 1, 1], // 0001, 0003, 0005; 0001 fixed by 6.1.2
        ['6.1.1', 89, 4, 2, 1], // 0001, 0002, 0003, 0005; 0001 and 0002 fixed by newer releases
        ['6.1.2', 60, 3, 1, 1], // 0002, 0003, 0005; 0002 fixed by 6.1.3
        ['6.1.3', 29, 2, 0, 1], // 0003, 0005
      ],
    );
  });
  it('reads "how old can we be" from the oldest release within each age', () => {
    assert.deepEqual(
      r.ageLimits.map((a) => [a.maxAgeDays, a.worst?.version ?? null]),
      [
        [30, '6.1.3'],
        [90, '6.1.1'],
        [180, '6.1'],
        [365, '6.1'],
        [730, '6.1'],
      ],
    );
  });
  it('counts fixed-upstream-never-backported CVEs on maintained stable branches', () => {
    assert.deepEqual(
      r.neverBackported.map((b) => [b.branch, b.latest, b.openCves, b.fixedUpstreamNotBackported]),
      [
        ['5.15', '5.15.1', 2, 1], // 0003 (fixed in 6.2) and 0005 (no fix)
        ['6.1', '6.1.3', 2, 1],
      ],
    );
  });
  it('an earlier D sees fewer releases and fewer CVEs', () => {
    const early = assessExposureCurve(index, releases, { branch: '6.1', asOf: '2024-03-15' });
    assert.deepEqual(
      early.points.map((p) => [p.version, p.openCves]),
      [
        ['6.1', 2],
        ['6.1.1', 2],
        ['6.1.2', 1],
      ],
    );
  });
});

describe('assessExposureCurve: bad input is a UserError', () => {
  const cases = [
    { name: 'D after the data', branch: '6.1', asOf: '2024-06-01', message: /outside the data/ },
    { name: 'D before the first CVE', branch: '6.1', asOf: '2024-01-01', message: /outside the data/ },
    { name: 'unknown branch', branch: '4.4', asOf: '2024-04-30', message: /no releases/ },
    {
      name: 'no release by D',
      branch: '5.15',
      asOf: '2024-02-25',
      message: /asOf 2024-02-25 is before branch 5\.15's first release/,
    },
  ];
  for (const c of cases) {
    it(c.name, () =>
      assert.throws(
        () => assessExposureCurve(index, releases, { branch: c.branch, asOf: c.asOf }),
        (e: unknown) => e instanceof UserError && c.message.test(e.message),
      ),
    );
  }
});

describe('assessAffectedOnBranch', () => {
  it('gives the verdict per version from one assessVersion call per class', () => {
    const versions = ['6.1', '6.1.1', '6.1.2', '6.1.3'].map((t) => parseKernelVersion(t)!);
    assert.deepEqual(
      records.map((rec) => assessAffectedOnBranch(rec, versions)),
      [
        [true, true, false, false],
        [false, true, true, false],
        [true, true, true, true],
        [true, true, true, true],
        [true, true, true, true],
      ],
    );
  });
  it('no versions, no verdicts', () => assert.deepEqual(assessAffectedOnBranch(records[0]!, []), []));
});
