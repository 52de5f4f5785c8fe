import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { realRecord } from '../../../test/helpers/real-dyads.js';
import type { CveRecord } from '../../domain/cve.js';
import { type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import type { Backport, TreeScan } from '../../domain/tree-scan.js';
import { assessTreeCve } from '../tree/assess-tree-cve.js';

const CVE_2022_48628 = realRecord('CVE-2022-48628');
const CVE_2025_21629 = realRecord('CVE-2025-21629');

import type { TreeVerdict } from '../tree/tree-evidence.js';
import { planTreeLookup } from '../tree/tree-lookup.js';
import { assessPlanCves } from './assess-plan-cves.js';
import type { PatchFate } from './plan-report.js';

const V = (s: string) => parseKernelVersion(s) as KernelVersion;
const VENDOR = 'aaaa000000000000000000000000000000000001';
const REVERT = 'bbbb000000000000000000000000000000000002';
const mark = (ref: string): Backport => ({
  commit: VENDOR,
  ref,
  match: { via: 'marker', style: 'stable' },
  vendor: true,
});

function verdictOf(r: CveRecord, base: string, parts: Partial<TreeScan>): TreeVerdict {
  const scan: TreeScan = {
    schemaVersion: 1,
    rev: 'HEAD',
    revSha: 'f'.repeat(40),
    vulnsCommit: 'e'.repeat(40),
    shallow: false,
    base: { makefile: base, makefileVersion: base, tag: `v${base}` },
    historyCommits: 1000,
    historyComplete: true,
    upstream: null,
    present: ['2f2dc053404febedc9c273452d9d518fb31fde72'],
    backports: [],
    reverts: [],
    vendorCommits: [],
    upstreamFixesAvailable: 0,
    ...parts,
  };
  return assessTreeCve(r, V(base), planTreeLookup(scan));
}

/**
 * The plan's word on one CVE as a line: the list it lands in, the release that fixes it and the note (`closed 6.1.56`),
 * else `already` (a vendor backport fixed it and the target has the fix too) or `none`.
 */
function planLine(
  record: CveRecord,
  base: string,
  target: string,
  scan: Partial<TreeScan> = {},
  fate?: [string, PatchFate],
): string {
  const r = assessPlanCves({
    records: [record],
    now: new Map([[record.id, verdictOf(record, base, scan)]]),
    base: V(base),
    target: V(target),
    fates: new Map(fate ? [fate] : []),
    judge: null,
  });
  const lists = { closed: r.closed, introduced: r.introduced, stillOpen: r.stillOpen };
  const found = Object.entries(lists).find(([, l]) => l.length > 0);
  if (found) return [found[0], found[1][0]?.fixedOnBranch, found[1][0]?.note].filter(Boolean).join(' ');
  return r.alreadyFixedByVendor.length ? 'already' : 'none';
}

describe('assessPlanCves: CVE-2022-48628 (fixed by 6.1.56) on a tree at 6.1.50', () => {
  const plan = (target: string, scan?: Partial<TreeScan>, fate?: [string, PatchFate]) =>
    planLine(CVE_2022_48628, '6.1.50', target, scan, fate);
  /** The vendor backported the fix's stable commit. */
  const backported = { backports: [mark('e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd')] };

  it('the target has the fix the tree lacks: closed', () => {
    assert.equal(plan('6.1.60'), 'closed 6.1.56');
  });
  it('the vendor backported the fix the target has: already fixed, not closed again', () => {
    assert.equal(plan('6.1.60', backported, [VENDOR, 'upstream']), 'already');
  });
  it('a vendor backport that carries over keeps a fix the target lacks', () => {
    assert.equal(plan('6.1.55', backported, [VENDOR, 'clean']), 'none');
  });
  it('a fix the vendor reverted: closed only if the revert is dropped', () => {
    const reverted = { ...backported, reverts: [[VENDOR, REVERT] as const] };
    assert.equal(
      plan('6.1.60', reverted, [REVERT, 'vendor-revert']),
      'closed 6.1.56 closed only if vendor revert bbbb00000000 is dropped',
    );
  });
});

describe('assessPlanCves: CVE-2025-21629 (brought in by a stable commit in 6.1.116) on a tree at 6.1.110', () => {
  const plan = (target: string, scan?: Partial<TreeScan>, fate?: [string, PatchFate]) =>
    planLine(CVE_2025_21629, '6.1.110', target, scan, fate);
  /** The vendor backported the stable commit that brings the bug. */
  const backported = { backports: [mark('04c20a9356f283da623903e81e7c6d5df7e4dc3c')] };

  it('a stable commit brings the bug in (6.1.116): introduced at 6.1.120', () => {
    assert.equal(plan('6.1.120'), 'introduced 6.1.124');
  });
  it('the vendor backported the bug, the target has its fix: closed (tree-aware)', () => {
    assert.equal(plan('6.1.130', backported, [VENDOR, 'upstream']), 'closed 6.1.124');
  });
  it('the vendor backport of the bug carries over to 6.1.115: still open', () => {
    assert.equal(
      plan('6.1.115', backported, [VENDOR, 'clean']),
      'stillOpen 6.1.124 vendor patch aaaa00000000 brings the bug and carries over',
    );
  });
});

describe('assessPlanCves', () => {
  it('splits the counts by relevance with a judge', () => {
    const now = new Map([[CVE_2022_48628.id, verdictOf(CVE_2022_48628, '6.1.50', {})]]);
    const r = assessPlanCves({
      records: [CVE_2022_48628],
      now,
      base: V('6.1.50'),
      target: V('6.1.60'),
      fates: new Map(),
      judge: () => ({ status: 'built', reason: 'test', justification: null, files: [] }),
    });
    assert.deepEqual(r.counts.closed, { total: 1, built: 1, notBuilt: 0, unknown: 0 });
    assert.equal(r.closed[0]?.relevance, 'built');
  });
});
