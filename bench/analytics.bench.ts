/**
 * Issue 6 (part A) targets: `kgap lag` over the whole data set <= 1 s warm (whole CLI process), and the exposure
 * curve's per-class verdicts beside the naive way (assessVersion for every release x record). Runs the built CLI
 * against ../shared/data with the shared test index cache (built once, ~12 s, when absent).
 */
import { loadavg } from 'node:os';
import { assessVersion } from '../src/analysis/exposure/assess-version.js';
import { assessAffectedOnBranch } from '../src/analysis/exposure-curve/affected-on-branch.js';
import { assessLag } from '../src/analysis/lag/assess-lag.js';
import { realIndex } from '../test/helpers/real-index.js';
import { type Bench, type BenchFigure, median, round } from './bench.js';
import { cliSeconds } from './time-cli.js';

const medianOf = (runs: readonly { wall: number; cpu: number | null }[], key: 'wall' | 'cpu') =>
  runs.some((r) => r[key] === null) ? null : round(median(runs.map((r) => r[key] ?? 0)), 2);

const load = () => `load average ${loadavg()[0]?.toFixed(1)} on ${2} cores`;

async function analytics(): Promise<BenchFigure[]> {
  const real = await realIndex();
  if (real === null) return [{ name: 'analytics', value: Number.NaN, unit: 'skipped', note: 'no ../shared/data' }];
  const { index, releases, cacheDir } = real;
  cliSeconds(['lag', '--format', 'json'], cacheDir); // warm the page cache
  const lagCli = Array.from({ length: 5 }, () => cliSeconds(['lag', '--format', 'json'], cacheDir));
  const exposureCli = Array.from({ length: 2 }, () =>
    cliSeconds(['exposure', '--branch', '6.1', '--format', 'json'], cacheDir),
  );
  const lagCore = Array.from({ length: 5 }, () => {
    const t = performance.now();
    assessLag(index, releases, { since: null, branch: null });
    return (performance.now() - t) / 1000;
  });

  // The curve's inner loop on 6.1's 20 newest releases: per-class verdicts vs one assessVersion per pair.
  const versions = (releases.byBranch.get('6.1') ?? []).slice(-20).map((r) => r.version);
  const t0 = performance.now();
  for (const rec of index.records) assessAffectedOnBranch(rec, versions);
  const perClass = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  for (const rec of index.records) for (const v of versions) assessVersion(rec, v);
  const naive = (performance.now() - t1) / 1000;

  const lagWall = medianOf(lagCli, 'wall') ?? 0;
  return [
    {
      name: 'kgap lag --format json, whole data set, warm (whole process, wall, median of 5)',
      value: lagWall,
      unit: 's',
      target: 1,
      targetOk: lagWall <= 1,
      note: `${index.records.length} CVEs; ${load()}`,
    },
    {
      name: 'kgap lag --format json, same runs, CPU (user + sys)',
      value: medianOf(lagCli, 'cpu') ?? Number.NaN,
      unit: 's',
      target: 1,
      targetOk: (medianOf(lagCli, 'cpu') ?? 99) <= 1,
    },
    {
      name: 'assessLag in process (median of 5)',
      value: round(median(lagCore), 3),
      unit: 's',
    },
    {
      name: 'kgap exposure --branch 6.1 --format json, warm (whole process, median of 2)',
      value: medianOf(exposureCli, 'wall') ?? 0,
      unit: 's',
      note:
        `CPU ${medianOf(exposureCli, 'cpu')} s; ` +
        `${releases.byBranch.get('6.1')?.length} releases x ${index.records.length} CVEs + 8 maintained branches`,
    },
    {
      name: 'exposure curve verdicts, 20 releases x all CVEs: per-class',
      value: round(perClass, 3),
      unit: 's',
      baseline: round(naive, 3),
      note: 'baseline: assessVersion for every release x record',
    },
  ];
}

export const benches: readonly Bench[] = [{ name: 'analytics: lag and exposure curve', run: analytics }];
