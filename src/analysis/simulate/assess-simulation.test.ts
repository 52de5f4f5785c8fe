import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CveRecord, Severity } from '../../domain/cve.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { buildReleaseTable } from '../../domain/release.js';
import type { StableCommitRange } from '../../domain/stable-commit.js';
import { INDEX_SCHEMA_VERSION, type VulnsIndex } from '../../domain/vulns-index.js';
import { assessSimulation } from './assess-simulation.js';
import { planSimulation } from './plan-simulation.js';
import { parsePolicy } from './policy.js';

// A hand-made history on branch 6.1 (dates in January 2025):
//   6.1.1 out 01-01, 6.1.2 out 01-11, 6.1.3 out 01-21.
//   A: in 6.1 .. fixed 6.1.2, published 01-05        -> counts from 01-11 (fix out) while the product lacks 6.1.2
//   B: in 6.1 .. fixed 6.1.3, published 01-25, high  -> counts from 01-25 (publication) while it lacks 6.1.3
//   C: brought in by backport 6.1.2, fixed 6.1.3, published 01-03 -> counts from 01-21, only on 6.1.2
//   D: in 6.1, no fix on the branch, published 01-02 -> never counts (not fixed upstream on the branch)
function record(id: string, published: string, dyad: [string, string | null][], severity?: Severity): CveRecord {
  return {
    id,
    title: `fix ${id}`,
    published,
    modified: published,
    cvss: severity ? { score: 7.5, vector: '', severity } : null,
    dyad: dyad.map(([introVersion, fixVersion]) => ({ introVersion, fixVersion, introSha: null, fixSha: null })),
    fixShas: [],
    vulnerableShas: [],
    programFiles: [],
  };
}

const RECORDS = [
  record('CVE-2025-0001', '2025-01-05', [['6.1', '6.1.2']]),
  record('CVE-2025-0002', '2025-01-25', [['6.1', '6.1.3']], 'high'),
  record('CVE-2025-0003', '2025-01-03', [['6.1.2', '6.1.3']]),
  record('CVE-2025-0004', '2025-01-02', [['6.1', null]]),
];
const INDEX: VulnsIndex = {
  schemaVersion: INDEX_SCHEMA_VERSION,
  source: 'test',
  vulnsCommit: '0'.repeat(40),
  vulnsCommitDate: '2025-02-01T00:00:00Z',
  records: RECORDS,
  problems: [],
};
const { table: RELEASES } = buildReleaseTable([
  ['6.1', '2022-12-11'],
  ['6.1.1', '2025-01-01'],
  ['6.1.2', '2025-01-11'],
  ['6.1.3', '2025-01-21'],
]);
const SPAN = { firstPublished: '2024-02-12', lastKnown: '2025-01-31' };

function simulate(policy: string, from: string, commits: StableCommitRange | null = null) {
  const parsed = parsePolicy(policy);
  assert.ok(parsed.ok);
  const plan = planSimulation({
    releases: RELEASES,
    span: SPAN,
    branch: '6.1',
    start: parseKernelVersion('6.1.1')!,
    from,
    to: '2025-01-31',
    policies: [parsed.policy],
  });
  const outcome = assessSimulation({ plan, index: INDEX, releases: RELEASES, commits }).policies[0];
  assert.ok(outcome);
  return outcome;
}

/** A policy run from a day, and what it must come to. */
type Case = readonly [
  policy: string,
  from: string,
  vulnerabilityDays: number,
  maxOpen: number,
  severeDays: number,
  updates: number,
  openAtEnd: number,
  finalVersion: string,
];

// Each row worked out by hand from the history above (days inclusive; 31 days from 01-01, 17 from 01-15).
const CASES: readonly Case[] = [
  // frozen on 6.1.1: A open 01-11..01-31 (21 days), B open 01-25..01-31 (7, high).
  ['frozen', '2025-01-01', 28, 2, 7, 0, 2, '6.1.1'],
  // 6.1.2 adopted 01-14, 6.1.3 01-24: A open 01-11..01-13 (3), C open 01-21..01-23 on 6.1.2 (3); B never.
  ['track-stable:3d', '2025-01-01', 6, 1, 0, 2, 0, '6.1.3'],
  // Same-day adoption: A and C close the day they open; nothing is ever open.
  ['track-stable:0d', '2025-01-01', 0, 0, 0, 2, 0, '6.1.3'],
  // Upgrades on 01-13 (to 6.1.2) and 01-25 (to 6.1.3): A open 01-11..01-12 (2), C open 01-21..01-24 (4).
  ['upgrade-every:12d', '2025-01-01', 6, 1, 0, 2, 0, '6.1.3'],
  // A picked 01-16 (open 01-11..01-15, 5 days), B picked 01-30 (open 01-25..01-29, 5, high); D cannot be picked.
  ['cherry-pick-cves:5d', '2025-01-01', 10, 1, 5, 2, 0, '6.1.1+2 fixes'],
  // Starting 01-15, what was already due arrives on day one: A open 01-15..01-31 (17), B 01-25..01-31 (7).
  ['frozen', '2025-01-15', 24, 2, 7, 0, 2, '6.1.1'],
  // 6.1.2 (out before day one) adopted 01-18, 6.1.3 01-24: A open 01-15..01-17 (3), C open 01-21..01-23 (3).
  ['track-stable:3d', '2025-01-15', 6, 1, 0, 2, 0, '6.1.3'],
  // A (actionable before day one) picked 01-20: open 01-15..01-19 (5); B open 01-25..01-29 (5).
  ['cherry-pick-cves:5d', '2025-01-15', 10, 1, 5, 2, 0, '6.1.1+2 fixes'],
  // Upgrade on 01-25 straight to 6.1.3 (newest out): A open 01-15..01-24 (10), C never on the product.
  ['upgrade-every:10d', '2025-01-15', 10, 1, 0, 1, 0, '6.1.3'],
];

describe('simulate: hand-computed histories', () => {
  for (const [policy, from, vulnerabilityDays, maxOpen, severeDays, updates, openAtEnd, finalVersion] of CASES) {
    it(`${policy} from ${from}`, () => {
      const r = simulate(policy, from);
      const got = {
        vulnerabilityDays: r.vulnerabilityDays,
        maxOpen: r.maxOpen,
        severeDays: r.severeDays,
        updates: r.updates,
        openAtEnd: r.openAtEnd,
        finalVersion: r.finalVersion,
      };
      assert.deepEqual(got, { vulnerabilityDays, maxOpen, severeDays, updates, openAtEnd, finalVersion });
      assert.equal(
        r.openByDay.reduce((a, b) => a + b, 0),
        r.vulnerabilityDays,
      );
      // D (no fix on 6.1) is public and carried on every release: no policy closes it.
      assert.equal(r.publicWithoutBranchFixAtEnd, 1);
    });
  }

  it('the open count per day, frozen from 01-01', () => {
    const r = simulate('frozen', '2025-01-01');
    assert.deepEqual(r.openByDay, [...Array(10).fill(0), ...Array(14).fill(1), ...Array(7).fill(2)]);
    assert.equal(r.maxOpenDate, '2025-01-25');
    assert.equal(r.meanOpen, 0.9);
  });

  it('counts the stable commits each policy takes or never takes', () => {
    const commit = (release: string, subject: string, cveIds: string[] = []) => ({
      release,
      subject,
      archTag: null,
      sha: null,
      cveIds,
    });
    const commits: StableCommitRange = {
      kind: 'changelog',
      source: 'test',
      from: '6.1.1',
      to: '6.1.3',
      // A's fix found by its subject and release, B's by the source's annotation; three fixes have no CVE.
      commits: [
        commit('6.1.3', 'fix CVE-2025-0002 again', ['CVE-2025-0002']),
        commit('6.1.3', 'net: a fix without a CVE'),
        commit('6.1.3', 'fix CVE-2025-0003'),
        commit('6.1.2', 'fix CVE-2025-0001'),
        commit('6.1.2', 'mm: another fix without a CVE'),
      ],
      missingReleases: [],
      emptyReleases: [],
    };
    assert.deepEqual(simulate('frozen', '2025-01-01', commits).stableCommits, { taken: 0, notTaken: 5 });
    assert.deepEqual(simulate('track-stable:3d', '2025-01-01', commits).stableCommits, { taken: 5, notTaken: 0 });
    // Picks A and B: their two commits; C never reached 6.1.1 and the fixes without a CVE are never taken.
    assert.deepEqual(simulate('cherry-pick-cves:5d', '2025-01-01', commits).stableCommits, { taken: 2, notTaken: 3 });
  });
});
