import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitsInConflict, conflictKind } from './assess-vendor-patches.js';
import type { CveCount, VendorPatch } from './plan-report.js';
import { shellWord } from './plan-test-steps.js';
import { planVerdict } from './plan-verdict.js';
import { subsystemOf } from './summarize-stable-fixes.js';

const count = (total: number, built: number | null = null): CveCount => ({
  total,
  built,
  notBuilt: built === null ? null : 0,
  unknown: built === null ? null : total - built,
});
const patch = (fate: VendorPatch['fate'], files: string[] = []): VendorPatch => ({
  commit: 'a'.repeat(40),
  subject: 's',
  fate,
  files,
  conflicts: files.map((file) => ({ file, kind: 'content', hunks: [], stableCommits: [] })),
  evidence: { kind: 'merge', commits: [], detail: '' },
  reapplies: null,
});

describe('planVerdict', () => {
  it("reads like the issue's example", () => {
    const vendorPatches = [
      ...Array.from({ length: 38 }, () => patch('clean')),
      patch('upstream'),
      patch('upstream'),
      patch('conflict', ['drivers/net/ethernet/intel/e1000e/netdev.c']),
    ];
    const text = planVerdict({
      from: {
        version: '6.1.170',
        tag: 'v6.1.170',
        commit: '',
        rev: 'HEAD',
        revCommit: '',
        makefile: '6.1.170',
        vendorCommits: 41,
        mergeCommits: 0,
      },
      to: { version: '6.1.183', tag: 'v6.1.183', commit: '', date: null, source: 'tags' },
      cves: {
        closed: [],
        introduced: [],
        stillOpen: [],
        alreadyFixedByVendor: [],
        counts: { closed: count(1474, 1120), introduced: count(0, 0), stillOpen: count(1093, 800) },
      },
      stableFixes: { total: 2936, withCve: 1453, withoutCve: 1483, bySubsystem: [], byRelease: [] },
      vendorPatches,
      fates: { upstream: 2, clean: 38, conflict: 1, 'vendor-revert': 0 },
    });
    assert.equal(
      text,
      '6.1.170+41 → 6.1.183: closes 1,474 CVEs (1,120 in built code), 2,936 stable fixes (1,483 without a CVE); 38 of 41 vendor patches carry over cleanly, 2 are upstream, 1 conflicts (drivers/net/ethernet/intel/e1000e/netdev.c)',
    );
  });
});

describe('small rules', () => {
  it('conflictKind: the stages decide what git calls "contents"', () => {
    assert.equal(conflictKind('CONFLICT (contents)', [1, 2, 3]), 'content');
    assert.equal(conflictKind('CONFLICT (contents)', [2, 3]), 'add/add');
    assert.equal(conflictKind('CONFLICT (modify/delete)', [1, 3]), 'modify/delete');
    assert.equal(conflictKind(undefined, [1, 2]), 'modify/delete');
    assert.equal(conflictKind('CONFLICT (rename/delete)', [1, 2]), 'rename/delete');
  });
  it('commitsInConflict: the stable commits whose lines are on the target or base side of the region', () => {
    const touch = (commit: string) => ({ commit, subject: commit, release: '6.1.120' });
    const region = {
      start: 1,
      end: 7,
      ours: ['\treturn f(dev, x | 0x1bc4, 12);'],
      base: ['\treturn f(dev, x | 0x884, 12);'],
    };
    const changed = new Map([
      // 6.1.111 changed the base's line, 6.1.120 changed it again into the target's.
      [
        'a',
        new Map([
          ['k.c', { added: ['\treturn f(dev, x | 0x999, 12);'], removed: ['\treturn f(dev, x | 0x884, 12);'] }],
        ]),
      ],
      [
        'b',
        new Map([
          ['k.c', { added: ['\treturn f(dev, x | 0x1bc4, 12);'], removed: ['\treturn f(dev, x | 0x999, 12);'] }],
        ]),
      ],
      ['c', new Map([['k.c', { added: ['\treturn g(dev, x, 3);'], removed: ['\treturn g(dev, 0, 3);'] }]])],
    ]);
    const got = commitsInConflict('k.c', [region], [touch('a'), touch('b'), touch('c')], changed);
    assert.deepEqual(
      got.map((t) => t.commit),
      ['a', 'b'],
    );
    // No telling line (a closing brace): every commit that touched the file.
    const brace = { start: 1, end: 5, ours: ['}'], base: [] };
    assert.equal(commitsInConflict('k.c', [brace], [touch('a'), touch('c')], changed).length, 2);
  });
  it('subsystemOf: the top-level directory most files are in', () => {
    assert.equal(subsystemOf(['net/core/dev.c', 'net/ipv4/tcp.c', 'include/net/sock.h']), 'net');
    assert.equal(subsystemOf(['Makefile']), '(top level)');
    assert.equal(subsystemOf(['fs/a.c', 'mm/b.c']), 'fs');
    assert.equal(subsystemOf([]), '(no files)');
  });
  it('shellWord quotes what a shell would split or expand', () => {
    assert.equal(shellWord('/src/linux'), '/src/linux');
    assert.equal(shellWord("/src/odd dir; $(x) 'q'"), `'/src/odd dir; $(x) '\\''q'\\'''`);
  });
});
