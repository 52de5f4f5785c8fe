/**
 * A/B of two builds' warm `kgap status --version 6.1.170 --format json`, whole processes, interleaved (A, B, A, B,
 * …) so that the machine's changing speed falls on both alike: how docs/performance.md checks that a start-up
 * change is a gain, not noise. Each build gets its own copy of the real-data cache (a build's code cache replaces
 * another's), warmed by two runs first. Not part of `npm run bench`:
 *
 *   npm run build && node dist/bench/compare-builds.js /path/to/old/dist dist [runs]
 *
 * where each argument is a `dist/` holding `bin/kgap.cjs` (a build of another commit: `git worktree add`, link
 * its node_modules, `npm run build`). Prints median wall and CPU milliseconds per build; progress on stderr.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { realIndex } from '../test/helpers/real-index.js';
import { median } from './bench.js';
import { type CliTiming, timeNode } from './time-cli.js';

const STATUS = ['status', '--version', '6.1.170', '--format', 'json'] as const;

async function main(): Promise<number> {
  const [a, b, runsText = '41'] = process.argv.slice(2);
  const runs = Number(runsText);
  if (!a || !b || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write('usage: node dist/bench/compare-builds.js DIST_A DIST_B [RUNS]\n');
    return 2;
  }
  const shared = sharedDataDir();
  const real = await realIndex();
  if (!shared || !real) {
    process.stderr.write('compare-builds: needs ../shared/data (the real vulns repository and release dates)\n');
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'kgap-ab-'));
  try {
    const builds = [a, b].map((dist, i) => {
      const cli = join(resolve(dist), 'bin', 'kgap.cjs');
      if (!existsSync(cli)) throw new Error(`${cli} does not exist: give a built dist/ folder`);
      const cacheDir = join(scratch, `cache-${i}`);
      cpSync(real.cacheDir, cacheDir, { recursive: true });
      rmSync(join(cacheDir, 'code'), { recursive: true, force: true });
      const env = {
        KGAP_CACHE_DIR: cacheDir,
        KGAP_VULNS_REPO: join(shared, 'vulns.git'),
        KGAP_RELEASES: join(shared, 'linux-kernel-releases.json'),
      };
      return { dist, run: () => timeNode([cli, ...STATUS], env), times: [] as CliTiming[] };
    });
    for (const build of builds) for (let i = 0; i < 2; i++) build.run();
    for (let i = 0; i < runs; i++) {
      for (const build of builds) {
        const t = build.run();
        if (t.code !== 0) throw new Error(`${build.dist}: kgap status failed: ${t.stderr.slice(-400)}`);
        build.times.push(t);
      }
      process.stderr.write(`\r${i + 1}/${runs}`);
    }
    process.stderr.write('\n');
    for (const build of builds) {
      const wall = median(build.times.map((t) => t.wall)) * 1000;
      const cpus = build.times.map((t) => t.cpu).filter((c): c is number => c !== null);
      const cpu = cpus.length === build.times.length ? `${(median(cpus) * 1000).toFixed(0)} ms CPU` : 'no GNU time';
      process.stdout.write(`${build.dist}: ${wall.toFixed(1)} ms wall (median of ${runs}), ${cpu}\n`);
    }
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
