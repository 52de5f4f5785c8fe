import { enqueueScans } from '../../app/fleet/run-fleet-enqueue.js';
import type { EnqueueReport } from '../../domain/fleet-view.js';
import { storeLocationFrom, withStore } from '../store-flags.js';

/** `kgap fleet scan --queue`: enqueue one scan job per product and return. */
export function enqueueFleetScan(
  db: string | undefined,
  names: readonly string[],
  timeoutSeconds?: number,
): Promise<EnqueueReport> {
  return withStore(db, (store) => enqueueScans({ store, location: storeLocationFrom(db), names, timeoutSeconds }));
}
