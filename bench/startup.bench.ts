/**
 * Issue 10 start-up targets: `kgap --version` and a warm `kgap status --version 6.1.170 --format json` as whole
 * processes through the bundle users run (dist/bin/kgap.cjs), beside the same program unbundled
 * (dist/src/cli/main.js) and bare `node -e ''` (the floor), all in the same run. The runs are interleaved, so a
 * change in the machine's load falls on every figure alike. They start when the CPUs are idle (settle.ts), and
 * `npm run bench` runs this bench first, before the heavy ones (bench/run.ts).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { realIndex } from '../test/helpers/real-index.js';
import { type Bench, type BenchFigure, median, round } from './bench.js';
import { waitForIdle } from './settle.js';
import { type CliTiming, timeCli, timeNode, UNBUNDLED_CLI } from './time-cli.js';

const RUNS = 7;
const STATUS = ['status', '--version', '6.1.170', '--format', 'json'] as const;

type Series = { readonly label: string; readonly run: () => CliTiming; readonly times: CliTiming[] };

function series(label: string, run: () => CliTiming): Series {
  return { label, run, times: [] };
}

function checked(t: CliTiming, label: string): CliTiming {
  if (t.code !== 0) throw new Error(`${label} failed: ${t.stderr.slice(-500)}`);
  return t;
}

const wall = (s: Series) => median(s.times.map((t) => t.wall));
/** The median CPU seconds (user + sys, GNU time) as a note, or '' without GNU time. */
const cpu = (s: Series) => {
  const c = s.times.map((t) => t.cpu).filter((x): x is number => x !== null);
  return c.length === s.times.length ? `CPU median ${round(median(c), 3)} s` : '';
};

async function startup(): Promise<BenchFigure[]> {
  const shared = sharedDataDir();
  const real = await realIndex();
  if (!shared || !real) return [{ name: 'startup', value: Number.NaN, unit: 'skipped', note: 'no ../shared/data' }];
  const env = {
    KGAP_CACHE_DIR: real.cacheDir,
    KGAP_VULNS_REPO: join(shared, 'vulns.git'),
    KGAP_RELEASES: join(shared, 'linux-kernel-releases.json'),
  };
  // Warm: the branch's verdict cache exists and the files are in the page cache.
  checked(timeCli(STATUS, env), 'kgap status');
  checked(timeCli(STATUS, env, UNBUNDLED_CLI), 'kgap status (unbundled)');
  const idle = await waitForIdle();

  const floor = series("node -e ''", () => timeNode(['-e', ''], env));
  const version = series('kgap --version', () => timeCli(['--version'], env));
  const versionOld = series('unbundled --version', () => timeCli(['--version'], env, UNBUNDLED_CLI));
  const status = series('kgap status', () => timeCli(STATUS, env));
  const statusOld = series('unbundled status', () => timeCli(STATUS, env, UNBUNDLED_CLI));
  const all = [floor, version, versionOld, status, statusOld];
  for (let i = 0; i < RUNS; i++) for (const s of all) s.times.push(checked(s.run(), s.label));

  const idleNote = idle === null ? '' : `, CPUs ${Math.round(idle * 100)}% idle when started`;
  const load = `load average ${loadavg()[0]?.toFixed(1)} on 2 cores${idleNote}`;
  return [
    {
      name: `node -e '' (the floor: Node start-up alone, median of ${RUNS}, whole process)`,
      value: round(wall(floor), 3),
      unit: 's',
      note: `${load}; ${cpu(floor)}`,
    },
    {
      name: `kgap --version (bundle, median of ${RUNS}, whole process)`,
      value: round(wall(version), 3),
      unit: 's',
      target: 0.06,
      targetOk: wall(version) <= 0.06,
      baseline: round(wall(versionOld), 3),
      note: `baseline: node dist/src/cli/main.js --version (unbundled); ${cpu(version)}, baseline ${cpu(versionOld)}`,
    },
    {
      name: `warm kgap status --version 6.1.170 --format json (bundle, median of ${RUNS}, whole process)`,
      value: round(wall(status), 3),
      unit: 's',
      target: 0.12,
      targetOk: wall(status) <= 0.12,
      baseline: round(wall(statusOld), 3),
      note: `baseline: node dist/src/cli/main.js status ... (unbundled); ${cpu(status)}, baseline ${cpu(statusOld)}`,
    },
  ];
}

export const benches: readonly Bench[] = [{ name: 'startup', run: startup }];
