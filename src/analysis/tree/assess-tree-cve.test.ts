import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CveRecord } from '../../domain/cve.js';
import { type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import type { Backport, TreeScan } from '../../domain/tree-scan.js';
import { assessTreeCve } from './assess-tree-cve.js';
import { CVE_2022_48628, CVE_2025_21629, CVE_2025_39816 } from './real-records.test-helper.js';
import { planTreeLookup } from './tree-lookup.js';

const V = (s: string) => parseKernelVersion(s) as KernelVersion;
const VENDOR = 'aaaa000000000000000000000000000000000001';
const REVERT = 'bbbb000000000000000000000000000000000002';
const REAPPLY = 'cccc000000000000000000000000000000000003';

function scan(parts: Partial<TreeScan>): TreeScan {
  return {
    schemaVersion: 1,
    rev: 'HEAD',
    revSha: 'f'.repeat(40),
    vulnsCommit: 'e'.repeat(40),
    shallow: false,
    base: { makefile: '6.1.110', makefileVersion: '6.1.110', tag: 'v6.1.110' },
    historyCommits: 1000,
    historyComplete: true,
    upstream: null,
    present: [],
    backports: [],
    reverts: [],
    vendorCommits: [],
    upstreamFixesAvailable: 0,
    ...parts,
  };
}
const backport = (ref: string, match: Backport['match'], commit = VENDOR): Backport => ({
  commit,
  ref,
  match,
  vendor: true,
});

describe('assessTreeCve', () => {
  const mainlineIntro = '2f2dc053404febedc9c273452d9d518fb31fde72';
  const cases: {
    name: string;
    record: CveRecord;
    base: string;
    scan: Partial<TreeScan>;
    verdict: string;
    kind: string;
    confidence?: string;
  }[] = [
    {
      name: '1: the stable fix is an ancestor (CVE-2022-48628 at 6.1.60)',
      record: CVE_2022_48628,
      base: '6.1.60',
      scan: { present: [mainlineIntro, '89744b64914426cbabceb3d8a149176b5dafdfb5'] },
      verdict: 'fixed',
      kind: 'fix-commit',
    },
    {
      name: '2: a vendor commit names the mainline fix (cherry-pick -x), ahead of 6.1.56',
      record: CVE_2022_48628,
      base: '6.1.50',
      scan: {
        present: [mainlineIntro],
        backports: [backport('e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd', { via: 'marker', style: 'cherry-pick' })],
      },
      verdict: 'fixed',
      kind: 'backport-marker',
      confidence: 'high',
    },
    {
      name: '3a: equal patch-id to the mainline fix',
      record: CVE_2022_48628,
      base: '6.1.50',
      scan: {
        present: [mainlineIntro],
        backports: [backport('e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd', { via: 'patch-id' })],
      },
      verdict: 'fixed',
      kind: 'patch-id',
      confidence: 'medium',
    },
    {
      name: '3b: only an equal subject line: fixed, low confidence',
      record: CVE_2022_48628,
      base: '6.1.50',
      scan: {
        present: [mainlineIntro],
        backports: [backport('e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd', { via: 'subject' })],
      },
      verdict: 'fixed',
      kind: 'subject',
      confidence: 'low',
    },
    {
      name: '4: the backport was reverted: affected',
      record: CVE_2022_48628,
      base: '6.1.50',
      scan: {
        present: [mainlineIntro],
        backports: [backport('e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd', { via: 'marker', style: 'stable' })],
        reverts: [[VENDOR, REVERT]],
      },
      verdict: 'affected',
      kind: 'reverted',
    },
    {
      name: '4: a revert of the revert re-applies the backport',
      record: CVE_2022_48628,
      base: '6.1.50',
      scan: {
        present: [mainlineIntro],
        backports: [backport('e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd', { via: 'marker', style: 'stable' })],
        reverts: [
          [VENDOR.slice(0, 12), REVERT],
          [REVERT, REAPPLY],
        ],
      },
      verdict: 'fixed',
      kind: 'backport-marker',
    },
    {
      name: '5: CVE-2025-21629 at 6.1.110: the stable backport that brought the bug is absent',
      record: CVE_2025_21629,
      base: '6.1.110',
      scan: {},
      verdict: 'not-affected',
      kind: 'intro-absent',
    },
    {
      name: '5: CVE-2025-21629 at 6.1.120: the bug (6.1.116 backport) is in, the fix (6.1.124) is not',
      record: CVE_2025_21629,
      base: '6.1.120',
      scan: { present: ['a84978a9cda68f0afe3f01d476c68db21526baf1'] },
      verdict: 'affected',
      kind: 'intro-present',
    },
    {
      name: 'CVE-2025-21629 at 6.1.110 with a vendor backport of the mainline commit that introduced it',
      record: CVE_2025_21629,
      base: '6.1.110',
      scan: { backports: [backport('04c20a9356f283da623903e81e7c6d5df7e4dc3c', { via: 'marker', style: 'stable' })] },
      verdict: 'affected',
      kind: 'intro-present',
    },
    {
      name: 'shallow clone: absence proves nothing, the version rule decides and says so',
      record: CVE_2025_21629,
      base: '6.1.120',
      scan: { shallow: true, historyComplete: false },
      verdict: 'affected',
      kind: 'version-rule',
      confidence: 'low',
    },
    {
      name: 'no release tag (squashed import): no "not affected" from absence',
      record: CVE_2025_21629,
      base: '6.1.110',
      scan: { historyComplete: false, base: { makefile: '6.1.110', makefileVersion: '6.1.110', tag: null } },
      verdict: 'not-affected',
      kind: 'version-rule',
    },
    {
      name: 'several fixes on the branch (CVE-2025-39816 at 6.12.60): the first alone is not enough',
      record: CVE_2025_39816,
      base: '6.12.60',
      scan: { present: ['ae98dbf43d755b4e111fcd086e53939bef3e9a1a', '695673eb5711ee5eb1769481cf1503714716a7d1'] },
      verdict: 'affected',
      kind: 'fix-commit',
      confidence: 'low',
    },
    {
      name: 'several fixes on the branch, both in: fixed',
      record: CVE_2025_39816,
      base: '6.12.90',
      scan: {
        present: [
          'ae98dbf43d755b4e111fcd086e53939bef3e9a1a',
          '695673eb5711ee5eb1769481cf1503714716a7d1',
          '91f262ea2a76a02d9e37dba6637cfe6feebb20a8',
        ],
      },
      verdict: 'fixed',
      kind: 'fix-commit',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const v = assessTreeCve(c.record, V(c.base), planTreeLookup(scan(c.scan)));
      assert.equal(v.verdict, c.verdict, v.evidence.detail);
      assert.equal(v.evidence.kind, c.kind, v.evidence.detail);
      if (c.confidence) assert.equal(v.evidence.confidence, c.confidence);
      assert.ok(v.evidence.detail.length > 10);
    });
  }
});
