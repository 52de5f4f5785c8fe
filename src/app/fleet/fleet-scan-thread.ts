/**
 * The entry of one scan thread (see run-fleet-scan-parallel.ts): opens its own connection to the store, scans
 * the products it was given and posts its report back. Notifications are left to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DataOptions } from '../../sources/data/data-options.js';
import { openFleetStore } from '../../sources/store/open-fleet-store.js';
import { runFleetScan } from './run-fleet-scan.js';

/** What the main thread hands a scan thread. */
export type ScanThreadInput = {
  readonly location: string;
  readonly data: Omit<DataOptions, 'progress'>;
  readonly tmpDir: string;
  readonly names: readonly string[];
  readonly dashboardUrl: string | null;
};

const input = workerData as ScanThreadInput;
const store = await openFleetStore(input.location);
try {
  const report = await runFleetScan({
    store,
    data: { ...input.data, progress: (message) => parentPort?.postMessage({ progress: message }) },
    tmpDir: input.tmpDir,
    names: input.names,
    clock: () => new Date(),
    notify: false,
    dashboardUrl: input.dashboardUrl,
  });
  parentPort?.postMessage({ report });
} catch (error) {
  parentPort?.postMessage({
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
} finally {
  await store.close();
}
