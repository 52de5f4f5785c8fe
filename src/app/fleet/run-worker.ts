/**
 * `kgap worker`: takes scan jobs from the PostgreSQL store's queue until stopped. Each job scans one product
 * and records the scan under the job's id in one transaction, so a job is recorded once even when it runs twice
 * (its first worker was killed after committing, or was only slow); a worker killed mid-job loses nothing: the
 * job times out and another worker takes it.
 */
import type { FleetStore } from '../../domain/fleet-store.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { openScanQueue, type ScanJob } from '../../sources/queue/scan-queue.js';
import { readIndexMeta } from '../../sources/vulns/index-store.js';
import { newStatusSession, type StatusSession } from '../status/status-session.js';
import { deliverPending } from './deliver-notifications.js';
import { scanAndRecord } from './run-fleet-scan.js';

/** What happened to one job. */
export type JobOutcome = {
  readonly jobId: string;
  readonly product: string;
  /** recorded: a new scan; already: the job's scan existed; gone: the product was removed; failed: bad inputs. */
  readonly outcome: 'recorded' | 'already' | 'gone' | 'failed';
  readonly scanId: number | null;
  readonly detail: string | null;
};

export type WorkerInput = {
  readonly store: FleetStore;
  readonly location: string;
  readonly data: DataOptions;
  readonly tmpDir: string;
  readonly clock: () => Date;
  /** Seconds between polls of an empty queue. */
  readonly pollSeconds: number;
  /** How often to look for jobs whose worker died. */
  readonly maintenanceSeconds: number;
  readonly dashboardUrl: string | null;
  readonly onJob: (outcome: JobOutcome) => void;
  /** Called when a job is taken, before any work. */
  readonly onStart: (job: ScanJob) => void;
  /** Resolves when the worker should stop (a signal). */
  readonly stopped: Promise<void>;
};

/** Runs a worker until `stopped` resolves; the job in hand is finished first. */
export async function runWorker(input: WorkerInput): Promise<void> {
  if (input.store.engine !== 'postgres')
    throw new InvalidInput('db', 'must be a postgres:// URL for a worker (the queue lives there)');
  const queue = await openScanQueue(input.location, { maintenanceSeconds: input.maintenanceSeconds });
  // Branch verdicts are shared between jobs while the data stays the same; a `kgap sync` starts a new session.
  let session: StatusSession = newStatusSession();
  let sessionCommit: string | null = null;
  const handle = async (job: ScanJob): Promise<void> => {
    input.onStart(job);
    const commit = (await readIndexMeta(input.data.cacheDir))?.vulnsCommit ?? null;
    if (commit !== sessionCommit) {
      session = newStatusSession();
      sessionCommit = commit;
    }
    const product = await input.store.findProduct(job.product);
    if (product === null)
      return input.onJob({ jobId: job.id, product: job.product, outcome: 'gone', scanId: null, detail: null });
    const history = await input.store.scanHistory(product.id);
    const done = history.find((s) => s.jobId === job.id);
    // The job's scan was committed by a worker that died before completing the job: done already.
    if (done)
      return input.onJob({ jobId: job.id, product: job.product, outcome: 'already', scanId: done.id, detail: null });
    const previous = history.at(-1) ?? null;
    try {
      const r = await scanAndRecord({
        store: input.store,
        product,
        data: input.data,
        tmpDir: input.tmpDir,
        session,
        clock: input.clock,
        previous,
        jobId: job.id,
        dashboardUrl: input.dashboardUrl,
        webhooks: await input.store.listWebhooks(),
      });
      input.onJob({
        jobId: job.id,
        product: job.product,
        outcome: r.recorded ? 'recorded' : 'already',
        scanId: r.scanId,
        detail: null,
      });
      await deliverPending({ store: input.store, clock: input.clock, scanIds: new Set([r.scanId]) });
    } catch (error) {
      // Bad inputs do not get better by retrying: the job is done, the failure reported.
      if (!(error instanceof UserError)) throw error;
      input.onJob({ jobId: job.id, product: job.product, outcome: 'failed', scanId: null, detail: error.message });
    }
  };
  await queue.work(handle, { pollSeconds: input.pollSeconds });
  await input.stopped;
  await queue.stop({ graceful: true });
}
