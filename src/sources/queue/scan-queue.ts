/**
 * Scan jobs in PostgreSQL, through pg-boss (its own schema `pgboss` beside the fleet's tables). pg-boss hands a
 * job to one worker at a time (`SELECT … FOR UPDATE SKIP LOCKED`); a job whose worker died stays active until
 * its timeout, then maintenance puts it back for another worker (up to `retryLimit` times).
 */
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { UserError } from '../../domain/invalid-input.js';

/** The queue of product scans. */
export const SCAN_QUEUE = 'kgap-fleet-scan';

/** One job: scan this product. */
export type ScanJob = { readonly id: string; readonly product: string };

export type ScanQueue = {
  /** Enqueues one job per product; returns their ids. */
  enqueue(products: readonly string[], options: { readonly timeoutSeconds: number }): Promise<ScanJob[]>;
  /** Takes jobs one at a time until stopped; `handle` resolving completes the job, throwing fails it (retried). */
  work(handle: (job: ScanJob) => Promise<void>, options: { readonly pollSeconds: number }): Promise<void>;
  /** Counts of the queue's jobs by state. */
  counts(): Promise<Record<string, number>>;
  stop(options: { readonly graceful: boolean }): Promise<void>;
};

/**
 * Connects to the queue at a PostgreSQL URL. `maintenanceSeconds` is how often this process looks for jobs
 * whose worker died (their timeout passed): workers pass a fraction of the job timeout so a killed worker's
 * job is back within about that time.
 */
export async function openScanQueue(
  url: string,
  options: { readonly maintenanceSeconds: number | null },
): Promise<ScanQueue> {
  const boss = new PgBoss({
    connectionString: url,
    max: 3,
    schedule: false,
    supervise: options.maintenanceSeconds !== null,
    ...(options.maintenanceSeconds !== null ? { maintenanceIntervalSeconds: options.maintenanceSeconds } : {}),
  });
  const problems: string[] = [];
  boss.on('error', (e) => problems.push(e.message));
  try {
    await boss.start();
    await boss.createQueue(SCAN_QUEUE, { name: SCAN_QUEUE, retryLimit: 10, retryDelay: 1 });
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new UserError(`cannot open the scan queue: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    async enqueue(products, { timeoutSeconds }) {
      const jobs = products.map((product) => ({ id: randomUUID(), product }));
      await boss.insert(
        jobs.map((j) => ({
          id: j.id,
          name: SCAN_QUEUE,
          data: { product: j.product },
          expireInSeconds: timeoutSeconds,
          retryLimit: 10,
          retryDelay: 1,
        })),
      );
      return jobs;
    },
    async work(handle, { pollSeconds }) {
      await boss.work<{ product: string }>(
        SCAN_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: pollSeconds },
        async ([job]) => {
          if (job) await handle({ id: job.id, product: job.data.product });
        },
      );
    },
    async counts() {
      const { rows } = await boss
        .getDb()
        .executeSql('SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state', [SCAN_QUEUE]);
      return Object.fromEntries(rows.map((r: { state: string; n: number }) => [r.state, r.n]));
    },
    stop: ({ graceful }) => boss.stop({ graceful, wait: true, timeout: 30_000 }),
  };
}
