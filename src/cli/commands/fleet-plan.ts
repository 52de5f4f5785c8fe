import { tmpdir } from 'node:os';
import type { Command } from 'commander';
import { type FleetFormat, fleetFormats } from '../../formats/fleet/index.js';
import type { ActionRunner } from '../command.js';
import { type DataFlags, dataOptionsFrom, endProgress, withDataFlags, writeNotes } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { fleetSubcommand, withStore } from '../store-flags.js';

type Flags = DataFlags & { db?: string; format: FleetFormat };

/** `kgap fleet plan [NAME…]`: the update decision record of every product with a git tree, stored. */
export function registerFleetPlan(fleet: Command, run: ActionRunner): void {
  withDataFlags(
    fleetSubcommand(
      fleet,
      'plan',
      'plan the update of every product with a git tree to the newest release of its branch (kgap plan), and store the record',
    ),
  )
    .argument('[names...]', 'products to plan (default: all)')
    .action((names: string[], flags: Flags) =>
      run(async () => {
        const { runFleetPlan } = await import('../../app/fleet/run-fleet-plan.js');
        const data = dataOptionsFrom(flags);
        const report = await withStore(flags.db, (store) =>
          runFleetPlan({ store, data, tmpDir: tmpdir(), names, clock: () => new Date(), progress: data.progress }),
        );
        endProgress();
        writeNotes({ warnings: report.warnings });
        const failed = report.products.filter((p) => p.status === 'failed');
        for (const f of failed) process.stderr.write(`kgap: ${f.product}: ${f.reason}\n`);
        return {
          stdout: fleetFormats.plan[flags.format](report),
          exitCode: failed.length > 0 ? EXIT.usage : EXIT.ok,
        };
      }),
    );
}
