import type { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { type DataFlags, withDataFlags } from './data-flags.js';
import { EXIT } from './errors.js';
import { withDashboardUrlFlag, withStoreFlag } from './store-flags.js';

/** The flags every fleet service takes: the store, the dashboard's URL and the data flags. */
export type ServiceFlags = DataFlags & { db?: string; dashboardUrl?: string };

/**
 * A long-running fleet service (`kgap serve`, `kgap worker`). Both open the fleet store, scan products (so they take
 * the data flags) and post notifications that link to the dashboard; both run until SIGINT or SIGTERM, print nothing
 * on stdout and end with exit 0 when stopped.
 */
export type FleetService<F extends ServiceFlags> = {
  readonly name: string;
  readonly description: string;
  /** The service's own options; `--help` lists them after `--db` and `--dashboard-url`, before the data flags. */
  readonly options: (command: Command) => Command;
  /**
   * Runs the service until `untilStopped()` resolves. A service calls it once it may be stopped gracefully: until
   * then SIGINT ends the process at once, as it should while, say, a database connection hangs.
   */
  readonly serve: (flags: F, untilStopped: () => Promise<void>) => Promise<void>;
};

/** Resolves on the first SIGINT or SIGTERM: the service's cue to finish what it is doing and close. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** The command of a fleet service. */
export function fleetServiceCommand<F extends ServiceFlags>(service: FleetService<F>): CommandSpec {
  return {
    name: service.name,
    register(program, run) {
      const command = withDashboardUrlFlag(withStoreFlag(program.command(service.name)));
      withDataFlags(service.options(command.description(service.description))).action((flags: F) =>
        run(async () => {
          await service.serve(flags, untilStopped);
          return { stdout: '', exitCode: EXIT.ok };
        }),
      );
    },
  };
}
