import type { FleetStore } from '../../domain/fleet-store.js';
import type { EnqueueReport } from '../../domain/fleet-view.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import { openScanQueue, SCAN_QUEUE } from '../../sources/queue/scan-queue.js';
import { selectProducts } from './run-fleet-scan.js';

/** How long one product's scan may take before its job counts as lost and goes to another worker. */
export const DEFAULT_JOB_TIMEOUT_SECONDS = 900;

/**
 * `kgap fleet scan --queue`: one job per product (all, or those named) on the PostgreSQL store's queue, for
 * `kgap worker` processes to take; returns once they are enqueued.
 */
export async function enqueueScans(input: {
  readonly store: FleetStore;
  /** The store's PostgreSQL URL (the queue lives in the same database). */
  readonly location: string;
  readonly names: readonly string[];
  readonly timeoutSeconds?: number;
}): Promise<EnqueueReport> {
  if (input.store.engine !== 'postgres')
    throw new InvalidInput('db', 'must be a postgres:// URL to enqueue scans (workers share the database)');
  const products = await selectProducts(input.store, input.names);
  const queue = await openScanQueue(input.location, { maintenanceSeconds: null });
  try {
    const jobs = await queue.enqueue(
      products.map((p) => p.name),
      { timeoutSeconds: input.timeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS },
    );
    return { queue: SCAN_QUEUE, jobs: jobs.map((j) => ({ product: j.product, jobId: j.id })) };
  } finally {
    await queue.stop({ graceful: false });
  }
}
