import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CveRecord } from '../../domain/cve.js';
import { buildRecord } from '../../domain/cve-record.test-helper.js';
import type { BranchView } from './assess-branch-exposure.js';
import { decodeBranchView, encodeBranchView } from './branch-view-codec.js';

const hostile = (id: string, title: string, files: string[], cvss: CveRecord['cvss']): CveRecord => ({
  ...buildRecord({ id, published: '2024-01-01', dyad: [] }),
  title,
  cvss,
  programFiles: files,
});

const records = [
  hostile('CVE-2024-0002', 'tab\there, newline\nthere, backslash \\t literal', ['net/a b.c', 'x\\y.c'], null),
  hostile('CVE-2024-0001', 'plain', [], { score: 9.8, severity: 'critical', vector: 'CVSS:3.1/AV:N' }),
  hostile('CVE-2024-0003', 'not affected at 5', ['fs/x.c'], { score: 5, severity: 'medium', vector: '' }),
];
const view: BranchView = {
  index: { schemaVersion: 1, vulnsCommit: 'c'.repeat(40), vulnsCommitDate: '2024-02-01T00:00:00Z', source: 's' },
  totals: { records: 10, recordProblems: 1 },
  records,
  entries: [
    {
      record: 0,
      fixedUpstream: '6.8',
      spans: [
        { from: 0, to: 7, fixedOnBranch: '6.1.7', ambiguous: true, ambiguousReason: 'why\tnot', rule: 'branch-fix' },
      ],
    },
    {
      record: 1,
      fixedUpstream: null,
      spans: [{ from: 3, to: null, fixedOnBranch: null, ambiguous: false, ambiguousReason: null, rule: 'mainline' }],
    },
    {
      record: 2,
      fixedUpstream: null,
      spans: [
        { from: 0, to: 5, fixedOnBranch: '6.1.5', ambiguous: false, ambiguousReason: null, rule: 'branch-intro' },
      ],
    },
  ],
};

describe('branch view cache codec', () => {
  const stored = JSON.parse(JSON.stringify(encodeBranchView(view)));
  it('round-trips hostile titles, paths and reasons byte for byte, in finding order', () => {
    const back = decodeBranchView(stored, 5);
    assert.deepEqual(
      back.records.map((r) => r.id),
      ['CVE-2024-0001', 'CVE-2024-0002'],
    );
    const r = back.records[1] as CveRecord;
    assert.equal(r.title, records[0]?.title);
    assert.deepEqual(r.programFiles, ['net/a b.c', 'x\\y.c']);
    assert.deepEqual(back.records[0]?.cvss, records[1]?.cvss);
    assert.equal(back.entries[1]?.spans[0]?.ambiguousReason, 'why\tnot');
    assert.equal(back.entries[1]?.fixedUpstream, '6.8');
  });
  it('keeps only the records that affect the sublevel, with the span that holds it', () => {
    assert.deepEqual(
      decodeBranchView(stored, 2).records.map((r) => r.id),
      ['CVE-2024-0003', 'CVE-2024-0002'],
    );
    assert.deepEqual(
      decodeBranchView(stored, 7).records.map((r) => r.id),
      ['CVE-2024-0001'],
    );
    assert.equal(decodeBranchView(stored, 7).entries[0]?.spans[0]?.to, null);
  });
});
