/**
 * Issue 2 targets: cold index build, no-op sync, warm `status --format json`, each beside a naive baseline.
 * Runs the built CLI as a user would (whole process), against ../shared/data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessVersion } from '../src/analysis/exposure/assess-version.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { runGit } from '../src/sources/git/run-git.js';
import { parseCveRecord } from '../src/sources/vulns/parse-cve-record.js';
import { listRecordBlobs, readRecordFiles } from '../src/sources/vulns/read-record-files.js';
import { type Bench, type BenchFigure, median, round } from './bench.js';
import { timeCli } from './time-cli.js';

/** Wall seconds and peak RSS of one CLI run. */
function timed(args: string[], env: Record<string, string>) {
  const t = timeCli(args, env);
  return { seconds: t.wall, maxRssMb: t.maxRssMb, code: t.code };
}

async function foundation(): Promise<BenchFigure[]> {
  const shared = sharedDataDir();
  if (!shared) return [{ name: 'foundation', value: Number.NaN, unit: 'skipped', note: 'no ../shared/data' }];
  const cacheDir = mkdtempSync(join(tmpdir(), 'kgap-bench-'));
  const env = {
    KGAP_CACHE_DIR: cacheDir,
    KGAP_VULNS_REPO: join(shared, 'vulns.git'),
    KGAP_RELEASES: join(shared, 'linux-kernel-releases.json'),
  };
  try {
    const cold = timed(['sync'], env);
    if (cold.code !== 0) throw new Error('cold sync failed');
    const noop = [1, 2, 3].map(() => timed(['sync'], env).seconds);
    const firstOnBranch = timed(['status', '--version', '6.1.170', '--format', 'json'], env).seconds;
    const warm = Array.from(
      { length: 7 },
      () => timed(['status', '--version', '6.1.170', '--format', 'json'], env).seconds,
    );

    // Baseline 1: the history walk done the straightforward way (one git process, every change under cve/published).
    const gitDir = join(cacheDir, 'vulns.git');
    const t0 = performance.now();
    await runGit({ gitDir }, [
      'log',
      '--format=C %ct',
      '--name-status',
      '--no-renames',
      'refs/heads/master',
      '--',
      'cve/published',
    ]);
    const naiveHistory = (performance.now() - t0) / 1000;

    // Baseline 2: answer the status query by reading every record from the repository (no index).
    const t1 = performance.now();
    const head = (await runGit({ gitDir }, ['rev-parse', 'refs/heads/master'])).trim();
    const blobs = await listRecordBlobs(gitDir, head);
    const v = parseKernelVersion('6.1.170');
    let affected = 0;
    await readRecordFiles(gitDir, blobs, [...blobs.keys()], (id, files) => {
      const r = parseCveRecord(id, files, { published: '', modified: '' });
      if (r.ok && v && assessVersion(r.record, v).affected) affected++;
    });
    const naiveQuery = (performance.now() - t1) / 1000;
    return [
      {
        name: 'cold index build (kgap sync, empty cache)',
        value: round(cold.seconds, 2),
        unit: 's',
        target: 15,
        targetOk: cold.seconds <= 15,
        baseline: round(naiveHistory, 2),
        note: 'baseline: the history walk alone as one unsplit git log over cve/published',
      },
      {
        name: 'cold index build peak RSS (largest process)',
        value: cold.maxRssMb ?? Number.NaN,
        unit: 'MB',
        target: 400,
        targetOk: cold.maxRssMb !== null && cold.maxRssMb <= 400,
        note: 'GNU time %M: the largest single process (node or one git)',
      },
      {
        name: 'sync with nothing new (median of 3)',
        value: round(median(noop), 3),
        unit: 's',
        target: 1,
        targetOk: median(noop) <= 1,
        baseline: round(cold.seconds, 2),
        note: 'baseline: a full rebuild, what a non-incremental sync does',
      },
      {
        name: 'first status on a branch after sync (computes the branch verdict cache)',
        value: round(firstOnBranch, 3),
        unit: 's',
        note: 'one-off per branch and index commit',
      },
      {
        name: 'warm status --version 6.1.170 --format json (median of 7, whole process)',
        value: round(median(warm), 3),
        unit: 's',
        target: 0.3,
        targetOk: median(warm) <= 0.3,
        baseline: round(naiveQuery, 2),
        note: `baseline: read and parse every record from git per query (${affected} affected)`,
      },
    ];
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

export const benches: readonly Bench[] = [{ name: 'foundation', run: foundation }];
