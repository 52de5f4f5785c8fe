/**
 * Workers on a real PostgreSQL: `kgap fleet scan --queue` enqueues and returns; two `kgap worker` processes take
 * the jobs; one is killed with SIGKILL in the middle of a job. Every product ends with exactly one scan per job,
 * the killed worker's job is retried by the other, and nothing is lost or done twice.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type FleetFixture, fleetFixture } from './helpers/fleet-fixture.js';
import type { Json } from './helpers/json.js';
import { POSTGRES_SKIP_REASON, pgQuery, startPostgres } from './helpers/postgres.js';
import { REAL_DATA_SKIP_REASON } from './helpers/real-index.js';
import { CLI } from './helpers/run-cli.js';

type Worker = { readonly child: ChildProcess; log: string };

describe('kgap worker on PostgreSQL', async () => {
  const server = await startPostgres();
  const fx = await fleetFixture();
  after(() => server?.stop());
  const skip = server === null ? POSTGRES_SKIP_REASON : fx === null ? REAL_DATA_SKIP_REASON : false;

  it(
    'two workers, one SIGKILLed mid-job: every job done exactly once, nothing lost',
    { skip, timeout: 300_000 },
    async () => {
      assert.ok(server && fx);
      const f = fx as FleetFixture;
      const db = await server.newDatabase();
      const names = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'];
      for (const [i, n] of names.entries()) {
        const flags = i % 3 === 0 ? ['--config', f.config, '--source', f.source] : [];
        assert.equal(f.kgap(db, ['fleet', 'add', n, '--version', `6.1.${150 + i}`, ...flags]).code, 0);
      }
      const enqueued = f.kgap(db, ['fleet', 'scan', '--queue', '--job-timeout', '5', '--format', 'json']);
      assert.equal(enqueued.code, 0, enqueued.stderr);
      const jobs = JSON.parse(enqueued.stdout).jobs as { product: string; jobId: string }[];
      assert.deepEqual(
        jobs.map((j) => j.product),
        names,
      );
      assert.equal((await pgQuery(db, 'select count(*)::int as n from scans'))[0]?.n, 0, '--queue only enqueues');

      const data = [
        '--cache-dir',
        f.cacheDir,
        '--vulns-repo',
        `${f.shared}/vulns.git`,
        '--releases',
        `${f.shared}/linux-kernel-releases.json`,
      ];
      const start = (): Worker => {
        const child = spawn(
          process.execPath,
          [CLI, 'worker', '--db', db, '--poll', '0.5', '--maintenance', '1', ...data],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        const w: Worker = { child, log: '' };
        child.stderr?.on('data', (d: Buffer) => {
          w.log += d.toString();
        });
        return w;
      };
      const victim = start();
      const other = start();
      // Kill the first worker while it holds a job: after it says "started" and before it says how it went.
      const deadline = Date.now() + 60_000;
      let killedJob: string | null = null;
      while (killedJob === null && Date.now() < deadline) {
        const started = [...victim.log.matchAll(/job (\S+): started/g)].map((m) => m[1] as string);
        const open = started.filter((id) => !new RegExp(`job ${id}: (recorded|already|gone|failed)`).test(victim.log));
        if (open.length > 0) {
          victim.child.kill('SIGKILL');
          killedJob = open[0] as string;
        } else await sleep(5);
      }
      assert.ok(killedJob, `the first worker never took a job: ${victim.log}`);
      await new Promise((r) => victim.child.once('close', r));
      const done = Date.now() + 180_000;
      let counts: Record<string, number> = {};
      while (Date.now() < done) {
        const rows = await pgQuery(
          db,
          "select state, count(*)::int as n from pgboss.job where name = 'kgap-fleet-scan' group by state",
        );
        counts = Object.fromEntries(rows.map((r) => [String(r.state), Number(r.n)]));
        if (counts.completed === names.length) break;
        await sleep(500);
      }
      other.child.kill('SIGTERM');
      await new Promise((r) => other.child.once('close', r));
      assert.deepEqual(counts, { completed: names.length }, `${victim.log}\n${other.log}`);
      const scans = await pgQuery(
        db,
        'select p.name, s.job_id from scans s join products p on p.id = s.product_id order by p.name',
      );
      assert.deepEqual(
        scans.map((s) => [s.name, s.job_id]),
        jobs.map((j) => [j.product, j.jobId]),
        'one scan per job, under the job id',
      );
      assert.match(
        other.log,
        new RegExp(`job ${killedJob}: (recorded|already)`),
        "the killed worker's job was taken by the other",
      );
      const retried = await pgQuery(db, `select retry_count from pgboss.job where id = '${killedJob}'`);
      assert.ok(Number(retried[0]?.retry_count) >= 1, 'the killed job was retried');
      // The counts are kgap status's, whoever scanned.
      const w1 = JSON.parse(f.kgap(db, ['fleet', 'show', 'w1', '--format', 'json']).stdout);
      const status = f.status(['--version', '6.1.150', '--config', f.config, '--source', f.source]) as Json;
      assert.equal(w1.latestScan.summary.affected, status.summary.affected);
      assert.deepEqual(w1.latestScan.summary.relevance, status.summary.relevance);
    },
  );
});
