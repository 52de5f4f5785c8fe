import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishedStatement, VexPublication } from '../../domain/vex-publication.js';
import { compareVex } from './compare-vex.js';

type S = Pick<PublishedStatement, 'status'> & { justification?: string };
function pub(entries: Record<string, S>): VexPublication {
  const statements = new Map<string, PublishedStatement>();
  for (const [id, s] of Object.entries(entries))
    statements.set(id, { id, status: s.status, justification: s.justification ?? null, action: null });
  return { source: 'x', format: 'openvex', product: null, timestamp: null, statements };
}

describe('compareVex', () => {
  const cases: { name: string; from: S | null; to: S | null; kind: string | null }[] = [
    { name: 'new CVE, affected', from: null, to: { status: 'affected' }, kind: 'newly-affected' },
    {
      name: 'fixed -> affected (a regression)',
      from: { status: 'fixed' },
      to: { status: 'affected' },
      kind: 'newly-affected',
    },
    {
      name: 'not affected -> affected (config now builds it)',
      from: { status: 'not_affected' },
      to: { status: 'affected' },
      kind: 'newly-affected',
    },
    { name: 'affected -> not listed', from: { status: 'affected' }, to: null, kind: 'newly-fixed' },
    { name: 'affected -> fixed', from: { status: 'affected' }, to: { status: 'fixed' }, kind: 'newly-fixed' },
    {
      name: 'affected -> not affected',
      from: { status: 'affected' },
      to: { status: 'not_affected' },
      kind: 'newly-not-affected',
    },
    {
      name: 'not affected, other reason',
      from: { status: 'not_affected', justification: 'vulnerable_code_not_present' },
      to: { status: 'not_affected', justification: 'component_not_present' },
      kind: 'justification-changed',
    },
    {
      name: 'not affected, same reason',
      from: { status: 'not_affected', justification: 'vulnerable_code_not_present' },
      to: { status: 'not_affected', justification: 'vulnerable_code_not_present' },
      kind: null,
    },
    { name: 'affected in both', from: { status: 'affected' }, to: { status: 'affected' }, kind: null },
    { name: 'not affected -> not listed', from: { status: 'not_affected' }, to: null, kind: 'status-changed' },
    {
      name: 'affected -> under investigation',
      from: { status: 'affected' },
      to: { status: 'under_investigation' },
      kind: 'status-changed',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const d = compareVex(pub(c.from ? { 'CVE-2025-1': c.from } : {}), pub(c.to ? { 'CVE-2025-1': c.to } : {}));
      assert.deepEqual(
        d.changes.map((x) => x.kind),
        c.kind ? [c.kind] : [],
      );
      assert.equal(d.unchanged, c.kind ? 0 : 1);
    });

  it('orders by kind, then numerically by id; counts every kind', () => {
    const d = compareVex(
      pub({ 'CVE-2024-10000': { status: 'affected' }, 'CVE-2024-9999': { status: 'affected' } }),
      pub({ 'CVE-2025-2': { status: 'affected' } }),
    );
    assert.deepEqual(
      d.changes.map((x) => `${x.kind} ${x.id}`),
      ['newly-affected CVE-2025-2', 'newly-fixed CVE-2024-9999', 'newly-fixed CVE-2024-10000'],
    );
    assert.deepEqual(d.counts, {
      'newly-affected': 1,
      'newly-fixed': 2,
      'newly-not-affected': 0,
      'justification-changed': 0,
      'status-changed': 0,
    });
  });
});
