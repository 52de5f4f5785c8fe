import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanCommit } from '../../domain/plan-commit.js';
import { assessPatchOrigins, type PatchOriginInput } from './assess-patch-origins.js';

const id = (c: string) => c.repeat(40);
function commit(sha: string, parts: Partial<PlanCommit> = {}): PlanCommit {
  return {
    sha,
    parents: [id('0')],
    tags: [],
    subject: `subject of ${sha.slice(0, 4)}`,
    backportOf: [],
    reverts: [],
    files: ['net/core/dev.c'],
    ...parts,
  };
}

// The range: a stable backport of mainline M (marker), a stable commit S, and a stable revert of base commit B1.
const M = id('m');
const S = id('5');
const B1 = id('b');
const B2 = id('c');
const range = [
  commit(id('1'), { subject: 'net: fix a leak', backportOf: [M] }),
  commit(S, { subject: 'mm: fix a race' }),
  commit(id('2'), { subject: 'Revert "fs: tune"', reverts: [B1] }),
];

const cases: {
  name: string;
  vendor: PlanCommit[];
  patchIds?: [string, string][];
  baseHas?: string[];
  want: string[];
}[] = [
  {
    name: 'an equal patch-id with a stable commit: upstream by patch-id',
    vendor: [commit(id('a'))],
    patchIds: [
      [id('a'), 'p1'],
      [S, 'p1'],
    ],
    want: ['upstream patch-id 5555'],
  },
  {
    name: 'a marker naming the same upstream commit a stable backport names (12-digit prefix): upstream by marker',
    vendor: [commit(id('a'), { backportOf: [M.slice(0, 12)] })],
    want: ['upstream marker 1111'],
  },
  {
    name: 'a cherry-pick of the stable commit itself: upstream by marker',
    vendor: [commit(id('a'), { backportOf: [S] })],
    want: ['upstream marker 5555'],
  },
  {
    name: 'a marker naming a commit the target does not hold: replayed',
    vendor: [commit(id('a'), { backportOf: [id('9')] })],
    want: ['replay'],
  },
  {
    name: 'a revert the target makes too: upstream by revert pair (before the patch-id)',
    vendor: [commit(id('a'), { reverts: [B1] })],
    patchIds: [
      [id('a'), 'p2'],
      [id('2'), 'p2'],
    ],
    want: ['upstream revert-pair 2222'],
  },
  {
    name: 'a revert of a commit of the base the target keeps: vendor-revert',
    vendor: [commit(id('a'), { reverts: [B2] })],
    baseHas: [B2],
    want: ['vendor-revert reverts-upstream cccc'],
  },
  {
    name: 'a revert of a stable commit of the range: vendor-revert',
    vendor: [commit(id('a'), { reverts: [S] })],
    want: ['vendor-revert reverts-upstream 5555'],
  },
  {
    name: 'a revert of a vendor backport that is upstream: vendor-revert; a revert of a vendor-only patch: replayed',
    vendor: [
      commit(id('a'), { backportOf: [M] }),
      commit(id('d'), { reverts: [id('a')] }),
      commit(id('e')),
      commit(id('f'), { reverts: [id('e').slice(0, 12)] }),
    ],
    want: ['upstream marker 1111', 'vendor-revert reverts-upstream aaaa', 'replay', 'replay'],
  },
  {
    name: 'a patch with the subject of a stable commit but another diff: replayed, with a hint',
    vendor: [commit(id('a'), { subject: 'mm: fix a race' })],
    want: ['replay hint 5555'],
  },
];

describe('assessPatchOrigins', () => {
  for (const c of cases) {
    it(c.name, () => {
      const input: PatchOriginInput = {
        vendor: c.vendor,
        range,
        patchIds: new Map(c.patchIds ?? []),
        baseHas: new Set(c.baseHas ?? []),
      };
      const origins = assessPatchOrigins(input);
      const got = c.vendor.map((v) => {
        const o = origins.get(v.sha);
        if (!o) return 'none';
        if (o.kind === 'replay') return o.hint ? `replay hint ${/stable commit (\w{4})/.exec(o.hint)?.[1]}` : 'replay';
        return `${o.kind} ${o.evidence.kind} ${o.evidence.commits[0]?.slice(0, 4)}`;
      });
      assert.deepEqual(got, c.want);
    });
  }
});
