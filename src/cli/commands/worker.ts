import { tmpdir } from 'node:os';
import { runWorker } from '../../app/fleet/run-worker.js';
import { dataOptionsFrom } from '../data-flags.js';
import { fleetServiceCommand, type ServiceFlags } from '../fleet-service.js';
import { parseNumberOption } from '../parse-options.js';
import { dashboardUrlFrom, storeLocationFrom, withStore } from '../store-flags.js';

type WorkerFlags = ServiceFlags & { poll: string; maintenance?: string };

/** `kgap worker`: takes scan jobs from the PostgreSQL store's queue until SIGINT/SIGTERM. */
export const workerCommand = fleetServiceCommand<WorkerFlags>({
  name: 'worker',
  description: 'take fleet scan jobs from a PostgreSQL store (kgap fleet scan --queue) until stopped',
  options: (c) =>
    c
      .option('--poll <seconds>', 'seconds between polls of an empty queue', '2')
      .option('--maintenance <seconds>', 'seconds between looks for jobs whose worker died (default 60)'),
  async serve(flags, untilStopped) {
    const pollSeconds = parseNumberOption('--poll', flags.poll, { min: 0.5, max: 3600 }) as number;
    const maintenanceSeconds =
      parseNumberOption('--maintenance', flags.maintenance, { min: 1, max: 3600, integer: true }) ?? 60;
    const data = dataOptionsFrom(flags);
    const stopped = untilStopped();
    await withStore(flags.db, async (store) => {
      process.stderr.write(`kgap worker ${process.pid}: taking scan jobs from ${store.location}\n`);
      await runWorker({
        store,
        location: storeLocationFrom(flags.db),
        data,
        tmpDir: tmpdir(),
        clock: () => new Date(),
        pollSeconds,
        maintenanceSeconds,
        dashboardUrl: dashboardUrlFrom(flags.dashboardUrl),
        stopped,
        onStart: (j) => process.stderr.write(`kgap worker ${process.pid}: ${j.product} job ${j.id}: started\n`),
        onJob: (j) =>
          process.stderr.write(
            `kgap worker ${process.pid}: ${j.product} job ${j.jobId}: ${j.outcome}${j.scanId === null ? '' : ` (scan ${j.scanId})`}${j.detail ? `: ${j.detail}` : ''}\n`,
          ),
      });
    });
  },
});
