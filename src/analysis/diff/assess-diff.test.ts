import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CveRecord } from '../../domain/cve.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { buildReleaseTable } from '../../domain/release.js';
import type { StableCommit, StableCommitRange } from '../../domain/stable-commit.js';
import { UserError } from '../../domain/user-error.js';
import { INDEX_SCHEMA_VERSION, type VulnsIndex } from '../../domain/vulns-index.js';
import { assessDiff } from './assess-diff.js';
import { matchCommitCves } from './match-commit-cves.js';

function record(id: string, title: string, dyad: [string, string | null, string?][]): CveRecord {
  return {
    id,
    title,
    published: '2025-01-01',
    modified: '2025-01-01',
    cvss: null,
    dyad: dyad.map(([introVersion, fixVersion, fixSha]) => ({
      introVersion,
      fixVersion,
      introSha: null,
      fixSha: fixSha ?? null,
    })),
    fixShas: [],
    vulnerableShas: [],
    programFiles: [],
  };
}

// Moving 6.1.10 -> 6.1.20:
const RECORDS = [
  record('CVE-2025-0001', 'net: fixed in between', [['6.1', '6.1.15', 'aaaaaaaa']]), // fixed
  record('CVE-2025-0002', 'mm: backport bug', [['6.1.12', '6.1.25']]), // introduced, fixed later
  record('CVE-2025-0003', 'fs: never fixed here', [['6.1', null]]), // still open, no fix on 6.1
  record('CVE-2025-0004', 'old: fixed long ago', [['6.1', '6.1.5']]), // neither
  record('CVE-2025-0005', 'x86/bugs: fixed by an arch commit', [['6.1', '6.1.18']]), // fixed
];
const INDEX: VulnsIndex = {
  schemaVersion: INDEX_SCHEMA_VERSION,
  source: 't',
  vulnsCommit: '1'.repeat(40),
  vulnsCommitDate: '2025-06-01T00:00:00Z',
  records: RECORDS,
  problems: [],
};
const { table } = buildReleaseTable([
  ['6.1.10', '2025-01-01'],
  ['6.1.20', '2025-03-01'],
]);
const v = (t: string) => parseKernelVersion(t)!;
const commit = (release: string, subject: string, extra: Partial<StableCommit> = {}): StableCommit => ({
  release,
  subject,
  archTag: null,
  sha: null,
  cveIds: [],
  ...extra,
});

describe('assessDiff', () => {
  it('splits CVEs into fixed, introduced and still open', () => {
    const r = assessDiff({ index: INDEX, releases: table, from: v('6.1.10'), to: v('6.1.20'), commits: null });
    assert.deepEqual(
      [r.fixed, r.introduced, r.stillOpen].map((l) => l.map((c) => [c.id, c.fixedOnBranch])),
      [
        [
          ['CVE-2025-0001', '6.1.15'],
          ['CVE-2025-0005', '6.1.18'],
        ],
        [['CVE-2025-0002', '6.1.25']],
        [['CVE-2025-0003', null]],
      ],
    );
    assert.deepEqual(r.summary, {
      fixed: 2,
      introduced: 1,
      stillOpen: 1,
      openAfter: 2,
      openAfterFixedLater: 1,
      openAfterNoFixOnBranch: 1,
    });
    assert.deepEqual(r.notes, []);
  });

  it('counts the stable commits and ties them to CVEs by annotation, commit id or subject and release', () => {
    const commits: StableCommitRange = {
      kind: 'changelog',
      source: 's',
      from: '6.1.10',
      to: '6.1.20',
      commits: [
        commit('6.1.18', 'bugs: fixed by an arch commit', { archTag: 'x86' }),
        commit('6.1.15', 'net: fixed in between', { sha: 'aaaaaaaa' }),
        // Same subject, wrong release: not CVE-2025-0001's fix.
        commit('6.1.14', 'net: fixed in between'),
        commit('6.1.13', 'fs: the fix the CNA does not know yet', { cveIds: ['CVE-2025-0003'] }),
        commit('6.1.11', 'drm: a fix without a CVE'),
      ],
      missingReleases: ['6.1.19'],
      emptyReleases: [],
    };
    const r = assessDiff({ index: INDEX, releases: table, from: v('6.1.10'), to: v('6.1.20'), commits });
    const s = r.stableCommits;
    assert.ok(s);
    assert.equal(s.total, 5);
    assert.equal(s.withCve, 3);
    assert.equal(s.withoutCve, 2);
    assert.deepEqual(s.byEvidence, { annotation: 1, sha: 1, title: 2 });
    assert.equal(s.fixedCvesFound, 2);
    assert.deepEqual(s.namedFixedButOpen, ['CVE-2025-0003']);
    assert.deepEqual(s.missingReleases, ['6.1.19']);
    assert.deepEqual(
      s.perRelease.map((p) => [p.release, p.commits, p.withCve]),
      [
        ['6.1.11', 1, 0],
        ['6.1.13', 1, 1],
        ['6.1.14', 1, 0],
        ['6.1.15', 1, 1],
        ['6.1.18', 1, 1],
      ],
    );
  });

  it('says when B is newer than the data', () => {
    const r = assessDiff({ index: INDEX, releases: table, from: v('6.1.10'), to: v('6.1.30'), commits: null });
    assert.match(r.notes.join('\n'), /6\.1\.30 is newer than the release data \(latest 6\.1\.20/);
  });

  const BAD: [string, string, RegExp][] = [
    ['6.1.20', '6.1.10', /to 6\.1\.10 must be newer than the release it updates from \(6\.1\.20\)/],
    ['6.1.10', '6.1.10', /must be newer/],
    ['6.1.10', '6.6.2', /6\.6\.2 is on another branch/],
  ];
  for (const [a, b, message] of BAD) {
    it(`refuses ${a} -> ${b}`, () => {
      assert.throws(
        () => assessDiff({ index: INDEX, releases: table, from: v(a), to: v(b), commits: null }),
        (e: unknown) => e instanceof UserError && message.test(e.message),
      );
    });
  }

  it('matchCommitCves reports nothing for a commit of another branch', () => {
    const [m] = matchCommitCves([commit('6.6.15', 'net: fixed in between')], RECORDS, '6.6');
    assert.deepEqual(m?.cveIds, []);
  });
});
