import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTreeScan, planCommitPlaces } from '../../../test/helpers/plain-tree-scan.js';
import { realRecord } from '../../../test/helpers/real-dyads.js';
import { type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import type { Backport, TreeScan } from '../../domain/tree-scan.js';
import { assessVersion } from '../exposure/assess-version.js';
import { assessTreeCve } from './assess-tree-cve.js';
import { planTreeLookup } from './tree-lookup.js';

// Real .dyad/.sha1 contents (test/helpers/real-dyads.ts); trees are scans: a plain stable tree at vX.Y.Z as
// test/helpers/plain-tree-scan.ts lays it out (the record's commits where the kernel's history has them), plus the
// vendor's commits of each case.

const V = (s: string) => parseKernelVersion(s) as KernelVersion;
const VENDOR = 'aaaa000000000000000000000000000000000001';
const REVERT = 'bbbb000000000000000000000000000000000002';
const REAPPLY = 'cccc000000000000000000000000000000000003';

/** The plain stable tree of `version` for one record, with the vendor's additions. */
function treeAt(cve: string, version: string, vendor: Partial<TreeScan> = {}): TreeScan {
  const plain = plainTreeScan(planCommitPlaces([realRecord(cve)]), V(version));
  return {
    ...plain,
    ...vendor,
    present: [...plain.present, ...(vendor.present ?? [])],
    backports: [...plain.backports, ...(vendor.backports ?? [])],
  };
}
const backport = (ref: string, match: Backport['match'], commit = VENDOR): Backport => ({
  commit,
  ref,
  match,
  vendor: true,
});
const marker = (ref: string) => backport(ref, { via: 'marker', style: 'cherry-pick' });

type Case = [cve: string, version: string, verdict: string, kind: string, extra?: { reason?: RegExp; by?: string }];

// A plain tree says what the version rule says: affected or not, and the same ambiguity sentence (rule 5).
const PLAIN: Case[] = [
  // The 5.18 mainline introduction reaches 6.1 with no 6.1 line of its own, closed by 6.1.17 (the only 6.1 fix,
  // paired with a 6.1.16 backport). Until the tree judged introductions one by one: "intro-absent", not affected.
  ['CVE-2024-35974', '6.1.10', 'affected', 'intro-present', { by: '1059699f87eb' }],
  ['CVE-2024-35974', '6.1.16', 'affected', 'intro-present'],
  ['CVE-2024-35974', '6.1.17', 'fixed', 'fix-commit', { by: 'b5dae1cd0d83' }],
  // Two introductions, each with its own fix on 6.6: the 6.6.73 fix closes only the first. Until now the tree
  // counted both fixes against every introduction: 6.6.73 affected (ambiguous), 6.6.80 ambiguous.
  ['CVE-2025-40237', '6.6.72', 'affected', 'intro-present', { by: 'a1a541fbfa7e' }],
  ['CVE-2025-40237', '6.6.73', 'fixed', 'fix-commit', { by: '950b604384fd' }],
  ['CVE-2025-40237', '6.6.80', 'affected', 'intro-present', { by: 'f0c0ac84de17' }],
  ['CVE-2025-40237', '6.6.115', 'fixed', 'fix-commit'],
  // Several fixes for one introduction: the first alone is not enough.
  ['CVE-2023-52920', '6.6.63', 'affected', 'intro-present'],
  [
    'CVE-2023-52920',
    '6.6.100',
    'affected',
    'fix-commit',
    { reason: /several fixes on 6\.6 \(6\.6\.64, 6\.6\.70, 6\.6\.140\)/ },
  ],
  ['CVE-2025-39816', '6.12.60', 'affected', 'fix-commit', { reason: /several fixes on 6\.12/ }],
  ['CVE-2025-39816', '6.12.90', 'fixed', 'fix-commit'],
  // Fixed in mainline before the fork and again on the branch: the 5.14 fix is in every 6.1 tree, the later one decides.
  [
    'CVE-2021-47295',
    '6.1.2',
    'affected',
    'fix-commit',
    { reason: /fixed in 5\.14 before 6\.1 forked/, by: 'f5051bcece50' },
  ],
  ['CVE-2021-47295', '6.1.18', 'fixed', 'fix-commit'],
  // An unpaired stable introduction, closed by the next fix on its branch.
  ['CVE-2023-53012', '6.1.1', 'not-affected', 'intro-absent'],
  ['CVE-2023-53012', '6.1.2', 'affected', 'intro-present', { reason: /introduced in 6\.1\.2 with no fix paired/ }],
  ['CVE-2023-53012', '6.1.9', 'fixed', 'fix-commit'],
  ['CVE-2025-40039', '6.1.170', 'fixed', 'fix-commit'],
  ['REINTRODUCED-6.6', '6.6.100', 'affected', 'intro-present', { reason: /introduced again in 6\.6\.74/ }],
  // Fixed in 4.18, brought back in 5.8: the 4.18 fix is an ancestor of every 6.1 tree and closes only the first
  // introduction (the tree used to say "fixed" here: a false "not affected").
  ['CVE-2025-38585', '6.1.170', 'affected', 'intro-present', { by: 'ad85094b293e' }],
  ['CVE-2025-38585', '5.4.1', 'fixed', 'fix-commit', { by: '51b8dc5163d2' }],
  // A fix older than its own introduction (5.10 -> 5.2) clears nothing, though it is an ancestor of every 6.1 tree.
  ['CVE-2021-47645', '6.1.170', 'affected', 'intro-present'],
  ['CVE-2021-47645', '5.10.110', 'fixed', 'fix-commit'],
  // Unknown introduction: vulnerable from the start of every branch until its fix (or a fix from before the fork).
  ['CVE-2022-49420', '5.15.216', 'affected', 'no-fix-in-history'],
  ['CVE-2022-49420', '5.18.3', 'fixed', 'fix-commit'],
  ['CVE-2022-49420', '6.1.1', 'fixed', 'fix-commit', { by: '4c971d2f3548' }],
  // No fix on the branch (rules 2 and 3): a stable backport brought the bug, or mainline did before the fork.
  ['CVE-2025-21629', '5.10.229', 'affected', 'intro-present'],
  ['CVE-2025-21629', '6.1.110', 'not-affected', 'intro-absent'],
  ['CVE-2025-21629', '6.1.120', 'affected', 'intro-present', { by: 'a84978a9cda6' }],
  ['CVE-2022-48628', '5.15.1', 'affected', 'intro-present'],
  ['CVE-2022-48628', '6.1.60', 'fixed', 'fix-commit'],
];

describe('assessTreeCve on a plain stable tree: the version rule, introduction by introduction', () => {
  for (const [cve, version, verdict, kind, extra] of PLAIN) {
    it(`${cve} at v${version}: ${verdict} (${kind})`, () => {
      const record = realRecord(cve);
      const tree = assessTreeCve(record, V(version), planTreeLookup(treeAt(cve, version)));
      const byVersion = assessVersion(record, V(version));
      assert.deepEqual([tree.verdict, tree.evidence.kind], [verdict, kind], tree.evidence.detail);
      assert.equal(tree.verdict === 'affected', byVersion.affected);
      assert.equal(tree.ambiguousReason, byVersion.ambiguousReason);
      assert.equal(tree.ambiguous, tree.ambiguousReason !== null);
      if (extra?.reason) assert.match(tree.ambiguousReason ?? '', extra.reason);
      else assert.equal(tree.ambiguousReason, null);
      if (extra?.by) assert.equal(tree.evidence.commit?.slice(0, 12), extra.by);
    });
  }
});

type VendorCase = {
  name: string;
  cve: string;
  version: string;
  vendor: Partial<TreeScan>;
  verdict: string;
  kind: string;
  confidence?: string;
  ambiguous?: boolean;
};

// What the tree knows beyond the version rule: backports (markers, patch-ids, subjects), reverts, history it lacks.
const VENDOR_CASES: VendorCase[] = [
  {
    name: 'a vendor commit names the mainline fix (cherry-pick -x), ahead of 6.1.56',
    cve: 'CVE-2022-48628',
    version: '6.1.50',
    vendor: { backports: [marker('e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd')] },
    verdict: 'fixed',
    kind: 'backport-marker',
    confidence: 'high',
  },
  {
    name: 'an equal patch-id to the 6.5.6 backport of the fix (another branch, same fix)',
    cve: 'CVE-2022-48628',
    version: '6.1.50',
    vendor: { backports: [backport('47f82395f04a976d4fa97de7f2acffa1c1096571', { via: 'patch-id' })] },
    verdict: 'fixed',
    kind: 'patch-id',
    confidence: 'medium',
  },
  {
    name: 'only an equal subject line: fixed, low confidence',
    cve: 'CVE-2022-48628',
    version: '6.1.50',
    vendor: { backports: [backport('e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd', { via: 'subject' })] },
    verdict: 'fixed',
    kind: 'subject',
    confidence: 'low',
  },
  {
    name: 'the backport was reverted: affected',
    cve: 'CVE-2022-48628',
    version: '6.1.50',
    vendor: {
      backports: [backport('e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd', { via: 'marker', style: 'stable' })],
      reverts: [[VENDOR, REVERT]],
    },
    verdict: 'affected',
    kind: 'reverted',
  },
  {
    name: 'a revert of the revert re-applies the backport',
    cve: 'CVE-2022-48628',
    version: '6.1.50',
    vendor: {
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
    name: 'the stable fix itself reverted on the vendor branch (CVE-2024-35974 at 6.1.20)',
    cve: 'CVE-2024-35974',
    version: '6.1.20',
    vendor: { reverts: [['b5dae1cd0d8368b4338430ff93403df67f0b8bcc', REVERT]] },
    verdict: 'affected',
    kind: 'reverted',
  },
  {
    name: 'CVE-2024-35974 at 6.1.10 with the mainline fix cherry-picked: the 5.18 introduction is closed',
    cve: 'CVE-2024-35974',
    version: '6.1.10',
    vendor: { backports: [marker('8b8ace080319a866f5dfe9da8e665ae51d971c54')] },
    verdict: 'fixed',
    kind: 'backport-marker',
  },
  {
    name: 'CVE-2025-21629 at 6.1.110 with a vendor backport of the mainline commit that introduced it',
    cve: 'CVE-2025-21629',
    version: '6.1.110',
    vendor: { backports: [backport('04c20a9356f283da623903e81e7c6d5df7e4dc3c', { via: 'marker', style: 'stable' })] },
    verdict: 'affected',
    kind: 'intro-present',
  },
  {
    name: 'CVE-2025-21629 at 6.1.120 (bug from the 6.1.116 backport) with the mainline fix cherry-picked',
    cve: 'CVE-2025-21629',
    version: '6.1.120',
    vendor: { backports: [marker('68e068cabd2c6c533ef934c2e5151609cf6ecc6d')] },
    verdict: 'fixed',
    kind: 'backport-marker',
  },
  {
    name: 'CVE-2025-40237 at 6.6.80 with the mainline fix cherry-picked: the 6.6.74 introduction is closed',
    cve: 'CVE-2025-40237',
    version: '6.6.80',
    vendor: { backports: [marker('a7c4bb43bfdc2b9f06ee9d036028ed13a83df42a')] },
    verdict: 'fixed',
    kind: 'backport-marker',
  },
  {
    name: 'CVE-2025-40237 at 6.6.80: the 6.6.73 fix names the mainline fix, yet closes only its own introduction',
    cve: 'CVE-2025-40237',
    version: '6.6.80',
    vendor: {
      backports: [
        {
          commit: '950b604384fd75d62e860bec7135b2b62eb4d508',
          ref: 'a7c4bb43bfdc2b9f06ee9d036028ed13a83df42a',
          match: { via: 'marker', style: 'stable' },
          vendor: false,
        },
      ],
    },
    verdict: 'affected',
    kind: 'intro-present',
  },
  {
    name: 'CVE-2025-38585 at 6.1.170 with the 6.17 mainline fix cherry-picked: the 5.8 reintroduction is closed',
    cve: 'CVE-2025-38585',
    version: '6.1.170',
    vendor: { backports: [marker('ee4cf798202d285dcbe85e4467a094c44f5ed8e6')] },
    verdict: 'fixed',
    kind: 'backport-marker',
  },
  {
    name: 'several fixes on 6.12: an equal patch-id to the mainline fix is not enough (ancestry or a marker is)',
    cve: 'CVE-2025-39816',
    version: '6.12.60',
    vendor: { backports: [backport('98b6fa62c84f2e129161e976a5b9b3cb4ccd117b', { via: 'patch-id' })] },
    verdict: 'affected',
    kind: 'fix-commit',
    confidence: 'low',
    ambiguous: true,
  },
  {
    name: 'several fixes on 6.12: the later one carried by a marker closes the introduction',
    cve: 'CVE-2025-39816',
    version: '6.12.60',
    vendor: { backports: [marker('91f262ea2a76a02d9e37dba6637cfe6feebb20a8')] },
    verdict: 'fixed',
    kind: 'fix-commit',
  },
  {
    name: 'shallow clone: absence proves nothing, the version rule decides and says so',
    cve: 'CVE-2025-21629',
    version: '6.1.120',
    vendor: { present: [], shallow: true, historyComplete: false },
    verdict: 'affected',
    kind: 'version-rule',
    confidence: 'low',
  },
  {
    name: 'no release tag (squashed import): no "not affected" from absence',
    cve: 'CVE-2025-21629',
    version: '6.1.110',
    vendor: { historyComplete: false },
    verdict: 'not-affected',
    kind: 'version-rule',
  },
];

describe('assessTreeCve on vendor trees: what the tree knows beyond the version rule', () => {
  for (const c of VENDOR_CASES) {
    it(c.name, () => {
      const scan = treeAt(c.cve, c.version, c.vendor);
      // The shallow case: the clone's history holds nothing the record names.
      const lookup = planTreeLookup(c.vendor.shallow ? { ...scan, present: [], backports: [] } : scan);
      const v = assessTreeCve(realRecord(c.cve), V(c.version), lookup);
      assert.deepEqual([v.verdict, v.evidence.kind], [c.verdict, c.kind], v.evidence.detail);
      if (c.confidence) assert.equal(v.evidence.confidence, c.confidence);
      assert.equal(v.ambiguous, c.ambiguous ?? false, v.ambiguousReason ?? '');
      assert.ok(v.evidence.detail.length > 10);
    });
  }
});
