import { setTimeout as sleep } from 'node:timers/promises';
import type { FleetStore } from '../../domain/fleet-store.js';
import type { DeliveryReport } from '../../domain/fleet-view.js';
import { postWebhook } from '../../sources/webhook/post-webhook.js';

/** How hard to try: attempts per delivery, the waits between them, the timeout of one POST. */
export type RetryPolicy = {
  readonly attempts: number;
  readonly delaysMs: readonly number[];
  readonly timeoutMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, delaysMs: [1000, 2000, 4000, 8000], timeoutMs: 10_000 };

/**
 * Posts the pending notifications (oldest first), each up to `attempts` times with growing waits; every attempt
 * is recorded (`kgap fleet deliveries`). A delivery that still fails stays pending while attempts remain; a
 * receiver that refuses it (4xx) fails it at once. Delivery is at least once: a process killed between the POST
 * and its record posts it again next time. `scanIds` limits it to those scans' notifications (a worker's own).
 */
export async function deliverPending(options: {
  readonly store: FleetStore;
  readonly clock: () => Date;
  readonly retry?: RetryPolicy;
  readonly scanIds?: ReadonlySet<number>;
}): Promise<DeliveryReport> {
  const { store } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const pending = (await store.listDeliveries({ pendingOnly: true, limit: 10_000 }))
    .filter((d) => options.scanIds === undefined || (d.scanId !== null && options.scanIds.has(d.scanId)))
    .reverse();
  const report = { delivered: 0, failed: 0 };
  for (const d of pending) {
    let attempts = d.attempts;
    for (;;) {
      const outcome = await postWebhook(d.url, d.payload, retry.timeoutMs);
      attempts++;
      if (outcome.ok) {
        await store.recordDeliveryAttempt(d.id, { outcome: 'delivered', at: options.clock().toISOString() });
        report.delivered++;
        break;
      }
      const giveUp = outcome.permanent || attempts >= retry.attempts;
      await store.recordDeliveryAttempt(d.id, { outcome: giveUp ? 'failed' : 'retry', error: outcome.error });
      if (giveUp) {
        report.failed++;
        break;
      }
      await sleep(retry.delaysMs[Math.min(attempts - 1, retry.delaysMs.length - 1)] ?? 1000);
    }
  }
  return report;
}
