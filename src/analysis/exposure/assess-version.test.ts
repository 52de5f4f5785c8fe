import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REAL_DYADS as DYADS } from '../../../test/helpers/real-dyads.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { parseDyad } from '../../sources/vulns/parse-dyad.js';
import { assessVersion } from './assess-version.js';

type Case = [
  cve: string,
  version: string,
  affected: boolean,
  fixedOnBranch: string | null,
  extra?: { ambiguous?: boolean; rule?: string; reason?: RegExp },
];

const CASES: Case[] = [
  // Fixed on the branch by a backport: before the fix affected, from it on not.
  ['CVE-2022-48628', '6.1.170', false, '6.1.56', { rule: 'branch-fix' }],
  ['CVE-2022-48628', '6.1.55', true, '6.1.56', { rule: 'branch-fix' }],
  ['CVE-2022-48628', '6.1.56', false, '6.1.56'],
  ['CVE-2022-48628', '6.5.5', true, '6.5.6'],
  // Never backported to 5.15: affected on the whole branch (rule 3, mainline).
  ['CVE-2022-48628', '5.15.1', true, null, { rule: 'mainline' }],
  ['CVE-2022-48628', '5.15.216', true, null, { rule: 'mainline' }],
  ['CVE-2022-48628', '2.6.33', false, null, { rule: 'mainline' }],
  ['CVE-2022-48628', '2.6.34', true, null],
  ['CVE-2022-48628', '6.6', false, '6.6'],
  ['CVE-2022-48628', '6.8.1', false, null, { rule: 'mainline' }],
  ['CVE-2022-48628', '6.6-rc3', true, '6.6'],
  // Introduced by a stable backport: only the window between that backport and its fix.
  ['CVE-2025-21629', '6.1.100', false, null],
  ['CVE-2025-21629', '6.1.115', false, null],
  ['CVE-2025-21629', '6.1.116', true, '6.1.124'],
  ['CVE-2025-21629', '6.1.120', true, '6.1.124'],
  ['CVE-2025-21629', '6.1.124', false, '6.1.124'],
  ['CVE-2025-21629', '6.1.183', false, '6.1.124'],
  ['CVE-2025-21629', '5.10.228', false, null, { rule: 'branch-intro' }],
  ['CVE-2025-21629', '5.10.229', true, null, { rule: 'branch-intro' }],
  ['CVE-2025-21629', '5.10.265', true, null, { rule: 'branch-intro' }],
  ['CVE-2025-21629', '6.12', true, '6.12.9'],
  ['CVE-2025-21629', '6.12.8', true, '6.12.9'],
  ['CVE-2025-21629', '6.12.9', false, '6.12.9'],
  ['CVE-2025-21629', '6.13', false, '6.13'],
  ['CVE-2025-21629', '6.13-rc1', true, '6.13'],
  ['CVE-2025-21629', '6.2.16', false, null, { rule: 'mainline' }],
  ['CVE-2025-21629', '6.14.1', false, null, { rule: 'mainline' }],
  // Two fixes on one branch: the union of the spans decides (later fix), flagged ambiguous.
  ['CVE-2025-39816', '6.12.48', true, '6.12.81', { ambiguous: false }],
  ['CVE-2025-39816', '6.12.49', true, '6.12.81', { ambiguous: true }],
  ['CVE-2025-39816', '6.12.80', true, '6.12.81', { ambiguous: true }],
  ['CVE-2025-39816', '6.12.81', false, '6.12.81', { ambiguous: false }],
  ['CVE-2025-39816', '6.6.100', false, null],
  // Three fixes on 6.6 for one introduction (5.3): from the first on, only the last clears, flagged ambiguous.
  ['CVE-2023-52920', '6.6.63', true, '6.6.140', { ambiguous: false }],
  [
    'CVE-2023-52920',
    '6.6.100',
    true,
    '6.6.140',
    { ambiguous: true, reason: /several fixes on 6\.6 \(6\.6\.64, 6\.6\.70, 6\.6\.140\)/ },
  ],
  ['CVE-2023-52920', '6.6.140', false, '6.6.140'],
  // Fixed in mainline 5.14 before 6.1 forked, yet fixed again on 6.1 in 6.1.18: the later fix decides, ambiguous.
  ['CVE-2021-47295', '6.1.2', true, '6.1.18', { ambiguous: true, reason: /fixed in 5\.14 before 6\.1 forked/ }],
  ['CVE-2021-47295', '6.1.18', false, '6.1.18'],
  // An introduction on the branch the dyad pairs with no fix is closed by the branch's next fix at or after it
  // (rule 1). Before that fix: affected, ambiguous (the CNA's JSON lists no range for it).
  ['CVE-2023-53012', '6.1.170', false, '6.1.9', { rule: 'branch-fix' }],
  ['CVE-2023-53012', '6.1.9', false, '6.1.9'],
  ['CVE-2023-53012', '6.1.2', true, '6.1.9', { ambiguous: true, reason: /introduced in 6\.1\.2 with no fix paired/ }],
  ['CVE-2023-53012', '6.1.8', true, '6.1.9', { ambiguous: true }],
  ['CVE-2023-53012', '6.1.1', false, null],
  ['CVE-2023-53012', '5.15.160', false, '5.15.91'],
  ['CVE-2023-53012', '5.15.86', true, '5.15.91', { ambiguous: true }],
  ['CVE-2023-53012', '6.0.15', false, null, { rule: 'branch-intro' }],
  ['CVE-2023-53012', '6.0.20', true, null, { ambiguous: false, rule: 'branch-intro' }],
  ['CVE-2023-54035', '6.1.170', false, '6.1.43'],
  ['CVE-2023-54035', '6.1.35', false, null],
  ['CVE-2023-54035', '6.1.36', true, '6.1.43', { ambiguous: true }],
  ['CVE-2023-54035', '5.15.160', true, null, { rule: 'branch-intro' }],
  ['CVE-2023-54164', '6.1.170', false, '6.1.42'],
  ['CVE-2023-54164', '6.1.9', true, '6.1.42', { ambiguous: false }],
  ['CVE-2025-40039', '6.1.170', false, '6.1.162'],
  ['CVE-2025-40039', '6.1.70', false, null],
  ['CVE-2025-40039', '6.1.71', true, '6.1.162', { ambiguous: true }],
  ['CVE-2025-40039', '6.1.161', true, '6.1.162', { ambiguous: true }],
  ['CVE-2022-48833', '5.15.160', false, '5.15.31'],
  ['CVE-2022-48833', '5.15.7', false, null],
  ['CVE-2022-48833', '5.15.20', true, '5.15.31', { ambiguous: false }],
  ['CVE-2023-53064', '5.15.160', false, '5.15.105'],
  ['CVE-2023-53064', '5.15.81', true, '5.15.105', { ambiguous: false }],
  // Each introduction has its own fix on 6.6: 6.6.74 came after the 6.6.73 fix and stays open until 6.6.115.
  ['CVE-2025-40237', '6.6.72', true, '6.6.73', { ambiguous: false }],
  ['CVE-2025-40237', '6.6.73', false, '6.6.73'],
  ['CVE-2025-40237', '6.6.100', true, '6.6.115', { ambiguous: false }],
  ['CVE-2025-40237', '6.6.115', false, '6.6.115'],
  // Introduced after every fix on the branch and never fixed: stays open (ambiguous: the JSON drops it).
  ['REINTRODUCED-6.6', '6.6.73', false, '6.6.73'],
  [
    'REINTRODUCED-6.6',
    '6.6.100',
    true,
    null,
    { ambiguous: true, reason: /introduced again in 6\.6\.74 after the last fix on 6\.6 \(6\.6\.73\)/ },
  ],
  // The 5.18 mainline introduction reaches 6.1 with no 6.1 line of its own: the 6.1 fix (paired with a 6.1.16
  // backport) closes it. Before rules version 4, 6.1.0 .. 6.1.15 came out not affected.
  ['CVE-2024-35974', '6.1', true, '6.1.17', { ambiguous: false, rule: 'branch-fix' }],
  ['CVE-2024-35974', '6.1.2', true, '6.1.17', { ambiguous: false }],
  ['CVE-2024-35974', '6.1.16', true, '6.1.17'],
  ['CVE-2024-35974', '6.1.17', false, '6.1.17'],
  ['CVE-2024-35974', '6.1.170', false, '6.1.17'],
  // Intro unknown (0): affected from the beginning of every branch up to its fix.
  ['CVE-2022-49420', '2.6.32.70', true, null],
  ['CVE-2022-49420', '4.9.1', true, null],
  ['CVE-2022-49420', '5.15.216', true, null],
  ['CVE-2022-49420', '5.18', true, '5.18.3'],
  ['CVE-2022-49420', '5.18.2', true, '5.18.3'],
  ['CVE-2022-49420', '5.18.3', false, '5.18.3'],
  ['CVE-2022-49420', '5.19', false, '5.19'],
  ['CVE-2022-49420', '6.1.1', false, null],
  // Fixed in 4.18, brought back in 5.8: each introduction is judged with its own fixes.
  ['CVE-2025-38585', '4.14.1', true, null, { rule: 'mainline' }],
  ['CVE-2025-38585', '5.4.1', false, null, { rule: 'mainline' }],
  ['CVE-2025-38585', '6.1.170', true, null, { rule: 'mainline' }],
  ['CVE-2025-38585', '6.12.41', true, '6.12.42'],
  ['CVE-2025-38585', '6.17', false, '6.17'],
  // A fix older than its own introduction (5.10 -> 5.2) is not trusted: later mainlines stay affected.
  ['CVE-2021-47645', '5.4.1', false, null, { rule: 'mainline' }],
  ['CVE-2021-47645', '5.10.109', true, '5.10.110'],
  ['CVE-2021-47645', '5.10.110', false, '5.10.110'],
  ['CVE-2021-47645', '5.11.2', true, null, { rule: 'mainline' }],
  ['CVE-2021-47645', '6.1.170', true, null, { rule: 'mainline' }],
];

describe('assessVersion (docs/semantics.md, affectedness of a version)', () => {
  for (const [cve, version, affected, fixedOnBranch, extra] of CASES) {
    it(`${cve} at ${version}: ${affected ? 'affected' : 'not affected'}`, () => {
      const dyad = parseDyad(DYADS[cve] ?? '');
      assert.deepEqual(dyad.problems, []);
      const v = parseKernelVersion(version);
      assert.ok(v);
      const verdict = assessVersion({ dyad: dyad.entries }, v);
      assert.equal(verdict.affected, affected);
      assert.equal(verdict.fixedOnBranch, fixedOnBranch);
      if (extra?.ambiguous !== undefined) assert.equal(verdict.ambiguous, extra.ambiguous);
      if (extra?.rule !== undefined) assert.equal(verdict.rule, extra.rule);
      // A reason exactly when ambiguous.
      assert.equal(verdict.ambiguousReason !== null, verdict.ambiguous);
      if (extra?.reason !== undefined) assert.match(verdict.ambiguousReason ?? '', extra.reason);
    });
  }
  it('reports the earliest mainline fix', () => {
    const v = parseKernelVersion('5.15.1');
    assert.ok(v);
    assert.equal(assessVersion({ dyad: parseDyad(DYADS['CVE-2022-48628'] ?? '').entries }, v).fixedUpstream, '6.6');
  });
  it('a record without dyad lines affects nothing (and says so)', () => {
    const v = parseKernelVersion('6.1.1');
    assert.ok(v);
    assert.equal(assessVersion({ dyad: [] }, v).rule, 'no-data');
  });
});
