import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExposureReport, Finding } from '../../analysis/exposure/assess-exposure.js';
import { planStatusView } from '../../analysis/exposure/plan-status-view.js';
import { actionOf, countVexStatuses, planVexStatements } from './vex-statements.js';

function finding(id: string, over: Partial<Finding> = {}): Finding {
  return {
    id,
    title: `fix ${id}`,
    cvss: 7.8,
    severity: 'high',
    cvssVector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    fixedOnBranch: null,
    fixedUpstream: null,
    published: '2025-01-02',
    ambiguous: false,
    rule: 'branch-fix',
    programFiles: ['net/core/dev.c'],
    ...over,
  } as Finding;
}

function report(affected: Finding[], over: Partial<ExposureReport> = {}): ExposureReport {
  return {
    version: '6.1.170',
    branch: '6.1',
    versionDate: '2026-04-30',
    branchLatest: { version: '6.1.183', date: '2026-08-19' },
    releasesBehind: 13,
    daysBehind: 111,
    summary: {
      affected: affected.length,
      fixedByNewerRelease: 0,
      fixedByLatest: 0,
      biggestFixRelease: null,
      noFixOnBranch: 0,
      ambiguous: 0,
      bySeverity: { critical: 0, high: affected.length, medium: 0, low: 0, none: 0, unscored: 0 },
    },
    affected,
    notes: [],
    snapshot: {
      vulnsCommit: 'a'.repeat(40),
      vulnsCommitDate: '2026-08-21T18:32:04+02:00',
      releasesAsOf: '2026-08-19',
      records: 1,
      recordProblems: 0,
    },
    ...over,
  };
}

describe('VEX statements from kgap verdicts', () => {
  const view = planStatusView(report([]), {});
  const cases = [
    {
      name: 'a released fix on the branch: update to it',
      f: finding('CVE-2025-1', { fixedOnBranch: '6.1.178', fixedUpstream: '6.16' }),
      action: /^Update to Linux 6\.1\.178 or later \(latest on 6\.1: 6\.1\.183\)\.$/,
      fixRelease: '6.1.178',
    },
    {
      name: 'the latest release itself',
      f: finding('CVE-2025-2', { fixedOnBranch: '6.1.183' }),
      action: /^Update to Linux 6\.1\.183 or later/,
      fixRelease: '6.1.183',
    },
    {
      name: 'a branch fix the release data does not list yet: never "update to" it',
      f: finding('CVE-2025-3', { fixedOnBranch: '6.1.184', fixedUpstream: '7.2' }),
      action:
        /^The CVE record names 6\.1\.184 .* not released yet \(latest known: 6\.1\.183\): backport the fix \(upstream in 7\.2\)/,
      fixRelease: null,
    },
    {
      name: 'fixed only upstream: backport or move branch',
      f: finding('CVE-2025-4', { fixedUpstream: '6.9' }),
      action:
        /^No release on the 6\.1 branch fixes it; fixed upstream in 6\.9: backport the fix or move to a newer branch\.$/,
      fixRelease: null,
    },
    {
      name: 'not fixed anywhere',
      f: finding('CVE-2025-5'),
      action: /^No release on the 6\.1 branch fixes it: backport/,
      fixRelease: null,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const a = actionOf(c.f, view);
      assert.match(a.action, c.action);
      assert.equal(a.fixRelease, c.fixRelease);
      assert.doesNotMatch(a.action, /Update to Linux 6\.1\.18[4-9]/);
    });

  it('not-built code is not_affected with the relevance reason; built and unknown stay affected', () => {
    const rel = (status: 'built' | 'not-built' | 'unknown') => ({
      status,
      reason: `reason ${status}`,
      justification: status === 'not-built' ? ('vulnerable_code_not_present' as const) : null,
      files: [],
    });
    const fs = [
      finding('CVE-2025-10', { relevance: rel('not-built') }),
      finding('CVE-2025-11', { relevance: rel('built'), fixedOnBranch: '6.1.180' }),
      finding('CVE-2025-12', { relevance: rel('unknown') }),
    ];
    const s = planVexStatements(planStatusView(report(fs), {}));
    assert.deepEqual(
      s.map((x) => [x.id, x.status, x.justification, x.relevance]),
      [
        ['CVE-2025-10', 'not_affected', 'vulnerable_code_not_present', 'not-built'],
        ['CVE-2025-11', 'affected', null, 'built'],
        ['CVE-2025-12', 'affected', null, 'unknown'],
      ],
    );
    assert.equal(s[0]?.detail, 'reason not-built');
    assert.equal(s[0]?.action, null);
    assert.deepEqual(countVexStatuses(s), { affected: 2, not_affected: 1, fixed: 0 });
  });

  it('tree mode: fixes carried ahead of the base are fixed, by id, with the commit', () => {
    const tree = {
      carriedAhead: [
        { id: 'CVE-2024-10000', commit: 'c'.repeat(40), kind: 'patch-id' as const, stableRelease: null },
        { id: 'CVE-2024-9999', commit: 'b'.repeat(40), kind: 'backport-marker' as const, stableRelease: '6.1.114' },
      ],
    } as unknown as ExposureReport['tree'];
    const s = planVexStatements(planStatusView(report([finding('CVE-2025-1')], { tree }), {}));
    assert.deepEqual(
      s.map((x) => [x.id, x.status]),
      [
        ['CVE-2025-1', 'affected'],
        ['CVE-2024-9999', 'fixed'],
        ['CVE-2024-10000', 'fixed'],
      ],
    );
    assert.equal(s[1]?.commit, 'b'.repeat(40));
    assert.match(s[1]?.detail ?? '', /commit b{40} \(backport-marker\); stable has it from 6\.1\.114/);
  });

  it('--limit and --min-cvss: only the listed findings are stated', () => {
    const fs = [finding('CVE-2025-1', { cvss: 9.8 }), finding('CVE-2025-2', { cvss: 5 })];
    const s = planVexStatements(planStatusView(report(fs), { minCvss: 7 }));
    assert.deepEqual(
      s.map((x) => x.id),
      ['CVE-2025-1'],
    );
  });
});
