/**
 * Issue 10 start-up targets: `kgap --version` and a warm `kgap status --version 6.1.170 --format json` as whole
 * processes through the bundle users run (dist/bin/kgap.cjs), beside the same program unbundled
 * (dist/src/cli/main.js) and bare `node -e ''` (the floor), all in the same run. The runs are interleaved, so a
 * change in the machine's load falls on every figure alike. They start when the CPUs are idle (settle.ts), and
 * `npm run bench` runs this bench first, before the heavy ones (bench/run.ts). Wall time is taken from the process
 * alone; CPU time, which needs GNU time wrapped around it (~1 ms more wall), from a second run of each.
 *
 * Where NODE_EXTRA_CA_CERTS is set (this machine sets it to the system's whole CA bundle), Node 20 parses that file
 * at every start, before any of kgap runs (nodejs/node#40524): the floor, `--version` and status are then timed a
 * second time without it, to show what is Node's and what is kgap's. The targets are judged as the machine is.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { realIndex } from '../test/helpers/real-index.js';
import { type Bench, type BenchFigure, median, round } from './bench.js';
import { waitForIdle } from './settle.js';
import { CLI, type CliTiming, timeCli, timeNode, UNBUNDLED_CLI } from './time-cli.js';

const RUNS = 7;
const EXTRA_CA = 'NODE_EXTRA_CA_CERTS';
const STATUS = ['status', '--version', '6.1.170', '--format', 'json'] as const;

/** A run, timed plainly (`gnuTime` false: wall time) or under GNU time (CPU time). */
type Run = (gnuTime: boolean) => CliTiming;
type Series = {
  readonly label: string;
  readonly run: Run;
  readonly times: CliTiming[];
  readonly cpuTimes: CliTiming[];
};

function series(label: string, run: Run): Series {
  return { label, run, times: [], cpuTimes: [] };
}

function checked(t: CliTiming, label: string): CliTiming {
  if (t.code !== 0) throw new Error(`${label} failed: ${t.stderr.slice(-500)}`);
  return t;
}

const wall = (s: Series) => median(s.times.map((t) => t.wall));
/** The median CPU seconds (user + sys, GNU time) as a note, or '' without GNU time. */
const cpu = (s: Series) => {
  const c = s.cpuTimes.map((t) => t.cpu).filter((x): x is number => x !== null);
  return c.length === s.cpuTimes.length ? `CPU median ${round(median(c), 3)} s` : '';
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

  const floor = series("node -e ''", (t) => timeNode(['-e', ''], env, t));
  const version = series('kgap --version', (t) => timeCli(['--version'], env, CLI, t));
  const versionOld = series('unbundled --version', (t) => timeCli(['--version'], env, UNBUNDLED_CLI, t));
  const status = series('kgap status', (t) => timeCli(STATUS, env, CLI, t));
  const statusOld = series('unbundled status', (t) => timeCli(STATUS, env, UNBUNDLED_CLI, t));
  // The same three without the CA file, when the environment names one (`undefined` unsets it for the child).
  const ca = process.env[EXTRA_CA] === undefined ? null : { ...env, [EXTRA_CA]: undefined };
  const noCa =
    ca === null
      ? []
      : [
          series("node -e '' without CA file", (t) => timeNode(['-e', ''], ca, t)),
          series('kgap --version without CA file', (t) => timeCli(['--version'], ca, CLI, t)),
          series('kgap status without CA file', (t) => timeCli(STATUS, ca, CLI, t)),
        ];
  const all = [floor, version, versionOld, status, statusOld, ...noCa];
  for (let i = 0; i < RUNS; i++) {
    for (const s of all) s.times.push(checked(s.run(false), s.label));
    for (const s of all) s.cpuTimes.push(checked(s.run(true), s.label));
  }

  const idleNote = idle === null ? '' : `, CPUs ${Math.round(idle * 100)}% idle when started`;
  const load = `load average ${loadavg()[0]?.toFixed(1)} on 2 cores${idleNote}`;
  const withoutCa = noCa.map((s, i) => ({
    name: `${["node -e ''", 'kgap --version', 'warm kgap status'][i]} without ${EXTRA_CA} (median of ${RUNS}, whole process)`,
    value: round(wall(s), 3),
    unit: 's',
    note: `Node 20 parses the CA file at start (nodejs/node#40524); ${cpu(s)}`,
  }));
  return [
    {
      name: `node -e '' (the floor: Node start-up alone, median of ${RUNS}, whole process)`,
      value: round(wall(floor), 3),
      unit: 's',
      note: `${load}; ${cpu(floor)}; ${EXTRA_CA} ${ca === null ? 'unset' : 'set'}`,
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
    ...withoutCa,
  ];
}

export const benches: readonly Bench[] = [{ name: 'startup', run: startup }];
