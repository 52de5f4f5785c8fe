/**
 * Issue 14's target for `kgap plan`: on a generated ~1M-commit tree with ~2,000 stable commits between base
 * (v6.1.110) and target (v6.1.130) and 300 vendor patches, a cold plan (no tree scan cached; the vulns index built, as
 * after `kgap sync`) <= 20 s, whole process; beside it the naive baseline measured in the same run: a scratch clone,
 * a checkout of the target and one `git cherry-pick` per vendor patch. Every run's fates are checked against the
 * generator's account before a figure is reported.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VendorPatchFact } from '../scripts/gen-tree/vendor-commits.js';
import { naiveCherryPicks } from '../test/helpers/naive-cherry-pick.js';
import { ensurePlanTree, fateMismatches } from '../test/helpers/plan-tree.js';
import { type Bench, type BenchFigure, median, round } from './bench.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const load = () => `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`;

type Run = { seconds: number; cpuSeconds: number; maxRssMb: number; stdout: string };

/** The built CLI under /usr/bin/time: wall, CPU (user + sys, children included) and peak RSS. */
function timedCli(args: readonly string[], env: Record<string, string>): Run {
  const r = spawnSync('/usr/bin/time', ['-f', 'KGAP_TIME %e %U %S %M', process.execPath, CLI, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const m = /KGAP_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`kgap ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
  return {
    seconds: Number(m[1]),
    cpuSeconds: Number(m[2]) + Number(m[3]),
    maxRssMb: Number(m[4]) / 1024,
    stdout: r.stdout,
  };
}

/** Refuses to report a figure for a wrong answer: every vendor patch has the fate the generator planted. */
function checkFates(stdout: string, patches: readonly VendorPatchFact[]): Record<string, number> {
  const doc = JSON.parse(stdout) as {
    fates: Record<string, number>;
    vendorPatches: Parameters<typeof fateMismatches>[0];
  };
  const wrong = fateMismatches(doc.vendorPatches, patches);
  if (wrong.length) throw new Error(`kgap plan gave wrong fates: ${wrong.slice(0, 5).join('; ')}`);
  return doc.fates;
}

async function planBench(): Promise<BenchFigure[]> {
  const planTree = await ensurePlanTree('1m');
  if (!planTree) throw new Error('no ../shared/data');
  const { dir, genSeconds, tree } = planTree;
  const cacheDir = join(tmpdir(), 'kgap-plan-bench-cache');
  const releases = fileURLToPath(new URL('../../../shared/data/linux-kernel-releases.json', import.meta.url));
  const env = {
    KGAP_CACHE_DIR: cacheDir,
    KGAP_VULNS_REPO: join(dir, 'vulns'),
    KGAP_RELEASES: process.env.KGAP_RELEASES ?? releases,
  };
  timedCli(['sync'], env); // the index of the generated vulns repo: `kgap sync`'s job, not timed
  const count = (range: string, ...more: string[]) =>
    Number(spawnSync('git', ['-C', tree, 'rev-list', '--count', ...more, range], { encoding: 'utf8' }).stdout);
  const stable = count('v6.1.110..v6.1.130', '--no-merges', '--invert-grep', '--grep=^Linux 6');
  const vendor = count('v6.1.110..vendor');
  const commits = count('--all');
  const args = ['plan', '--tree', tree, '--to', '6.1.130', '--format', 'json'];
  const cold: Run[] = [];
  for (let i = 0; i < 3; i++) {
    rmSync(join(cacheDir, 'tree'), { recursive: true, force: true });
    cold.push(timedCli(args, env));
  }
  const fates = checkFates(cold[0]?.stdout ?? '{}', planTree.patches);
  const warm = [0, 1, 2].map(() => timedCli(args, env));
  const loadBefore = load();
  // The naive baseline: one git cherry-pick per vendor patch onto the target in a scratch clone.
  const scratch = join(tmpdir(), 'kgap-plan-bench-naive');
  rmSync(scratch, { recursive: true, force: true });
  const patches = spawnSync('git', ['-C', tree, 'rev-list', '--reverse', 'v6.1.110..vendor'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n');
  const t = performance.now();
  const naive = naiveCherryPicks(tree, scratch, 'v6.1.130', patches);
  const naiveSeconds = (performance.now() - t) / 1000;
  rmSync(scratch, { recursive: true, force: true });
  const naiveCounts: Record<string, number> = {};
  for (const o of naive.outcomes.values()) naiveCounts[o] = (naiveCounts[o] ?? 0) + 1;
  const coldWall = median(cold.map((r) => r.seconds));
  const figures: BenchFigure[] = [];
  if (genSeconds !== null)
    figures.push({ name: `gen-tree 1m for plan: ${commits} commits`, value: round(genSeconds, 1), unit: 's' });
  figures.push(
    {
      name: `plan 1m (${commits} commits, ${stable} stable commits v6.1.110..v6.1.130, ${vendor} vendor patches): cold, whole process, median of 3`,
      value: round(coldWall, 2),
      unit: 's',
      target: 20,
      targetOk: coldWall <= 20,
      baseline: round(naiveSeconds, 2),
      note: `runs ${cold.map((r) => r.seconds).join(', ')} s, CPU ${cold.map((r) => r.cpuSeconds.toFixed(1)).join(', ')} s; fates ${JSON.stringify(fates)} (all as planted); baseline: clone --shared, checkout v6.1.130, one git cherry-pick per patch (${JSON.stringify(naiveCounts)}), same run; ${loadBefore}`,
    },
    {
      name: 'plan 1m: repeat with the tree scan cached, whole process, median of 3',
      value: round(median(warm.map((r) => r.seconds)), 2),
      unit: 's',
      note: `CPU ${warm.map((r) => r.cpuSeconds.toFixed(1)).join(', ')} s; ${load()}`,
    },
    {
      name: 'plan 1m: peak RSS of the cold run (largest process)',
      value: round(Math.max(...cold.map((r) => r.maxRssMb)), 0),
      unit: 'MB',
    },
  );
  return figures;
}

export const benches: readonly Bench[] = [
  { name: 'plan (generated 1M-commit tree, 300 vendor patches)', run: planBench },
];
