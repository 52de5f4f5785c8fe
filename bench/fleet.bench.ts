/**
 * Issue 13 load targets, on SQLite: a fleet scan of 1,000 products on 8 branches (50 with their own config and
 * Kbuild tree) after a data update in <= 60 s; the fleet page and /api/v1/products at p99 <= 50 ms under 200
 * requests/s for 30 s (autocannon, loopback). Baselines in the same run: the first scan (cold caches, old data)
 * and the uncached render of each page (the first request after a change of the fleet).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { openFleetStore } from '../src/sources/store/open-fleet-store.js';
import { type Bench, type BenchFigure, round } from './bench.js';
import { addLoadFleet, headAndMonthBefore, PRODUCTS, vulnsRepoAt, WITH_TREE } from './fleet-setup.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

function kgap(args: string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`kgap ${args.slice(0, 2).join(' ')} exited ${r.status}`);
  return { ms: performance.now() - t0, stdout: r.stdout };
}

function serve(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--read-only', '--port', '0', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /kgap serve: (http:\/\/\S+?)\/ /.exec(err);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.once('close', (code) => reject(new Error(`kgap serve exited ${code}: ${err}`)));
  });
}

async function load(url: string): Promise<autocannon.Result> {
  // Browsers ask for gzip; so does the load.
  return autocannon({ url, connections: 20, overallRate: 200, duration: 30, headers: { 'accept-encoding': 'gzip' } });
}

async function run(): Promise<BenchFigure[]> {
  const shared = sharedDataDir();
  if (shared === null) return [{ name: 'fleet', value: Number.NaN, unit: 'skipped', note: 'shared data absent' }];
  const dir = join(process.env.TMPDIR || tmpdir(), 'kgap-bench-fleet');
  const cache = join(dir, 'cache');
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'fleet.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const releasesFile = join(shared, 'linux-kernel-releases.json');
  const { head, old } = headAndMonthBefore(shared, dir);
  const repo = vulnsRepoAt(shared, dir, old);
  const data = ['--cache-dir', cache, '--vulns-repo', repo, '--releases', releasesFile];
  process.stderr.write(`bench: fleet: sync at ${old.slice(0, 12)} (a month before ${head.slice(0, 12)})\n`);
  kgap(['sync', ...data]);
  const store = await openFleetStore(db);
  const releases = JSON.parse(readFileSync(releasesFile, 'utf8')).versions as Record<string, unknown>;
  await addLoadFleet({ store, shared, dir, cacheDir: cache, releases });
  await store.close();
  process.stderr.write(`bench: fleet: ${PRODUCTS} products added; first scan (old data, cold caches)\n`);
  const first = kgap(['fleet', 'scan', '--db', db, '--no-notify', '--format', 'json', ...data]);
  vulnsRepoAt(shared, dir, head);
  const sync = kgap(['sync', ...data]);
  process.stderr.write('bench: fleet: data updated; the measured scan\n');
  const load1 = loadavg()[0] ?? 0;
  const after = kgap(['fleet', 'scan', '--db', db, '--no-notify', '--format', 'json', ...data]);
  const report = JSON.parse(after.stdout) as { scanned: unknown[]; failed: unknown[] };
  if (report.scanned.length !== PRODUCTS) throw new Error(`scanned ${report.scanned.length} of ${PRODUCTS}`);

  const server = await serve(['--db', db, ...data]);
  const figures: BenchFigure[] = [
    {
      name: `fleet scan after a data update (${PRODUCTS} products, ${WITH_TREE} with config + Kbuild tree), whole process`,
      value: round(after.ms / 1000, 2),
      unit: 's',
      target: 60,
      targetOk: after.ms <= 60_000,
      baseline: round(first.ms / 1000, 2),
      note: `baseline: first scan on the old data with cold caches; data update (kgap sync) ${round(sync.ms / 1000, 2)} s; load ${round(load1, 1)}`,
    },
  ];
  try {
    for (const path of ['/', '/api/v1/products']) {
      const t0 = performance.now();
      const cold = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'identity' } });
      const bytes = (await cold.arrayBuffer()).byteLength;
      const uncached = performance.now() - t0;
      process.stderr.write(`bench: fleet: 200 req/s for 30 s on ${path}\n`);
      const r = await load(`${server.url}${path}`);
      const p99 = r.latency.p99;
      figures.push({
        name: `${path === '/' ? 'fleet page' : '/api/v1/products'}: p99 latency at 200 req/s for 30 s (${PRODUCTS} products, ${Math.round(bytes / 1024)} KiB)`,
        value: p99,
        unit: 'ms',
        target: 50,
        targetOk: p99 <= 50 && r.non2xx === 0 && r.errors === 0,
        baseline: round(uncached, 1),
        note: `baseline: uncached render (first request); ${r.requests.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors, p50 ${r.latency.p50} ms, max ${r.latency.max} ms; load ${round(loadavg()[0] ?? 0, 1)}`,
      });
    }
  } finally {
    server.child.kill('SIGTERM');
  }
  return figures;
}

export const benches: readonly Bench[] = [{ name: 'fleet', run }];
