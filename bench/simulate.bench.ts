/**
 * Issue 6 (part B) target: `simulate` of 4 policies over 2 years on one branch <= 2 s. Measures the analysis in
 * process (plan + per-release exposure + day-by-day replay, the real 6.1 example) and the whole CLI process, and
 * the per-release exposure step against the naive way (assessVersion for every release x record).
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { assessVersion } from '../src/analysis/exposure/assess-version.js';
import { assessSimulation } from '../src/analysis/simulate/assess-simulation.js';
import { assessBranchExposure } from '../src/analysis/simulate/branch-exposure.js';
import { planSimulation } from '../src/analysis/simulate/plan-simulation.js';
import { parsePolicy } from '../src/analysis/simulate/policy.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { realIndex } from '../test/helpers/real-index.js';
import { type Bench, type BenchFigure, median, round } from './bench.js';
import { cliSeconds } from './time-cli.js';

const POLICIES = ['frozen', 'track-stable:14d', 'cherry-pick-cves:30d', 'upgrade-every:90d'];
const ARGS = ['--branch', '6.1', '--start', '6.1.100', '--from', '2024-06-01', '--to', '2026-08-01'];

const load = () => `load average ${loadavg()[0]?.toFixed(1)} on 2 cores`;

async function simulate(): Promise<BenchFigure[]> {
  const real = await realIndex();
  if (real === null) return [{ name: 'simulate', value: Number.NaN, unit: 'skipped', note: 'no ../shared/data' }];
  const { index, releases, cacheDir } = real;
  const policies = POLICIES.map((p) => {
    const r = parsePolicy(p);
    if (!r.ok) throw new Error(r.reason);
    return r.policy;
  });
  const core = Array.from({ length: 3 }, () => {
    const t = performance.now();
    const plan = planSimulation({
      releases,
      span: { firstPublished: '2024-02-12', lastKnown: '2026-08-19' },
      branch: '6.1',
      start: parseKernelVersion('6.1.100')!,
      from: '2024-06-01',
      to: '2026-08-01',
      policies,
    });
    assessSimulation({ plan, index, releases, commits: null });
    return (performance.now() - t) / 1000;
  });
  const changelog = join(sharedDataDir() ?? '', 'debian', 'changelog-linux-6.1.192-3.gz');
  const cliArgs = ['simulate', ...ARGS, ...POLICIES.flatMap((p) => ['--policy', p]), '--format', 'json'];
  const withChangelog = existsSync(changelog) ? [...cliArgs, '--changelog', changelog] : cliArgs;
  const cli = Array.from({ length: 3 }, () => cliSeconds(withChangelog, cacheDir));

  // The exposure step on 12 releases of 6.1 (every 7th from 6.1.100): one call per stretch vs one per release.
  const sample = (releases.byBranch.get('6.1') ?? []).filter(
    (r) => r.version.sublevel >= 100 && r.version.sublevel % 7 === 2,
  );
  const t0 = performance.now();
  assessBranchExposure(index.records, sample, releases);
  const stretches = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  for (const r of sample) for (const rec of index.records) assessVersion(rec, r.version);
  const naive = (performance.now() - t1) / 1000;

  const coreS = round(median(core), 3);
  const wall = round(median(cli.map((c) => c.wall)), 2);
  const cpu = cli.some((c) => c.cpu === null) ? null : round(median(cli.map((c) => c.cpu ?? 0)), 2);
  return [
    {
      name: 'simulate 6.1 from 6.1.100, 4 policies, 745 days: analysis in process (median of 3)',
      value: coreS,
      unit: 's',
      target: 2,
      targetOk: coreS <= 2,
      note: `${index.records.length} CVEs, ${load()}`,
    },
    {
      name: 'kgap simulate (same, --changelog, --format json): whole process, wall (median of 3)',
      value: wall,
      unit: 's',
      target: 2,
      targetOk: wall <= 2,
      note: cpu === null ? load() : `CPU (user + sys) ${cpu} s; ${load()}`,
    },
    {
      name: `per-release exposure, ${sample.length} releases of 6.1: one assessVersion per dyad stretch`,
      value: round(stretches, 3),
      unit: 's',
      baseline: round(naive, 3),
      note: 'baseline: assessVersion for every release x record',
    },
  ];
}

export const benches: readonly Bench[] = [{ name: 'simulate', run: simulate }];
