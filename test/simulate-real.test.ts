import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assessExposure } from '../src/analysis/exposure/assess-exposure.js';
import { assessVersion } from '../src/analysis/exposure/assess-version.js';
import { assessSimulation, type SimulationReport } from '../src/analysis/simulate/assess-simulation.js';
import { assessBranchExposure } from '../src/analysis/simulate/branch-exposure.js';
import { planSimulation } from '../src/analysis/simulate/plan-simulation.js';
import { parsePolicy } from '../src/analysis/simulate/policy.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { branchReleases } from '../src/domain/release.js';
import { REAL_DATA_SKIP_REASON, type RealIndex, realIndex } from './helpers/real-index.js';

const POLICIES = [
  'frozen',
  'track-stable:14d',
  'cherry-pick-cves:30d',
  'upgrade-every:90d',
  'track-stable:0d',
  'cherry-pick-cves:0d',
];

describe('simulate on the real data (6.1 from 6.1.100)', async () => {
  let real: RealIndex | null = null;
  const skip = (await realIndex()) === null ? REAL_DATA_SKIP_REASON : false;
  const run = (to: string): SimulationReport => {
    assert.ok(real);
    const plan = planSimulation({
      releases: real.releases,
      span: { firstPublished: '2024-02-12', lastKnown: '2026-08-19' },
      branch: '6.1',
      start: parseKernelVersion('6.1.100')!,
      from: '2024-06-01',
      to,
      policies: POLICIES.map((p) => {
        const r = parsePolicy(p);
        assert.ok(r.ok);
        return r.policy;
      }),
    });
    return assessSimulation({ plan, index: real.index, releases: real.releases, commits: null });
  };
  let full: SimulationReport | null = null;
  before(async () => {
    real = await realIndex();
    if (real) full = run('2026-08-01');
  });
  const outcome = (policy: string) => {
    const p = full?.policies.find((x) => x.policy === policy);
    assert.ok(p, policy);
    return p;
  };

  it('one stretch per dyad-named sublevel gives what assessVersion gives for every release', { skip }, () => {
    assert.ok(real);
    const releases = branchReleases(real.releases, '6.1').filter((r) => r.version.sublevel >= 100);
    const exposure = assessBranchExposure(real.index.records, releases, real.releases);
    for (const release of releases.filter((_r, i) => i % 11 === 0)) {
      const want: string[] = real.index.records
        .filter((r) => assessVersion(r, release.version).affected)
        .map((r) => r.id);
      const got = (exposure.get(release.name) ?? []).map((e) => real?.index.records[e.record]?.id);
      assert.deepEqual(got, want, release.name);
    }
  });

  it('starts when 6.1.100 came out and replays 745 days', { skip }, () => {
    assert.deepEqual(full?.window, { requestedFrom: '2024-06-01', from: '2024-07-18', to: '2026-08-01', days: 745 });
    for (const p of full?.policies ?? []) {
      assert.equal(p.openByDay.length, 745);
      assert.equal(
        p.openByDay.reduce((a, b) => a + b, 0),
        p.vulnerabilityDays,
      );
    }
  });

  it('frozen: the open count only grows, and ends at what status says 6.1.100 carries', { skip }, () => {
    assert.ok(real);
    const frozen = outcome('frozen');
    assert.ok(frozen.openByDay.every((n, i) => i === 0 || n >= (frozen.openByDay[i - 1] ?? 0)));
    assert.equal(frozen.updates, 0);
    // Independently through status: CVEs of 6.1.100 public by 2026-08-01 whose branch fix was out by then.
    const status = assessExposure(real.index, real.releases, parseKernelVersion('6.1.100')!);
    const out = (v: string | null) => (v ? (real?.releases.byName.get(v)?.date ?? '9999') : '9999');
    const open = status.affected.filter((f) => f.published <= '2026-08-01' && out(f.fixedOnBranch) <= '2026-08-01');
    assert.equal(frozen.openAtEnd, open.length);
  });

  it('same-day policies leave nothing open; cherry-picking never beats frozen by adding CVEs', { skip }, () => {
    assert.equal(outcome('track-stable:0d').vulnerabilityDays, 0);
    assert.equal(outcome('cherry-pick-cves:0d').vulnerabilityDays, 0);
    assert.ok(outcome('cherry-pick-cves:30d').vulnerabilityDays < outcome('frozen').vulnerabilityDays);
    assert.ok(outcome('track-stable:14d').vulnerabilityDays < outcome('upgrade-every:90d').vulnerabilityDays);
    // Cherry-picking cannot close CVEs without a fix on the branch: it ends with what frozen carries unfixed.
    assert.equal(
      outcome('cherry-pick-cves:30d').publicWithoutBranchFixAtEnd,
      outcome('frozen').publicWithoutBranchFixAtEnd,
    );
  });

  it('no hindsight: replaying to an earlier day gives the same days up to it', { skip }, () => {
    const short = run('2025-06-01');
    assert.equal(short.window.days, 319);
    for (const p of short.policies) {
      const long = outcome(p.policy);
      assert.deepEqual(p.openByDay, long.openByDay.slice(0, 319), p.policy);
    }
  });
});
