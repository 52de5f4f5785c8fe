import type { Command } from 'commander';
import { runFleetGate, runFleetGates } from '../../app/fleet/run-fleet-gate.js';
import { type FleetFormat, fleetFormats } from '../../formats/fleet/index.js';
import type { ActionRunner } from '../command.js';
import { EXIT } from '../errors.js';
import { fleetSubcommand, withStore, withStoreFlag } from '../store-flags.js';
import { addGateFlags, type GateFlags, gateInputFrom, gateResult } from './gate-flags.js';

/**
 * `kgap fleet gate NAME --baseline DIR --candidate DIR …`: `kgap gate` (same output, same exit code), recorded for
 * the product; and `kgap fleet gates NAME`: the recorded runs, newest first.
 */
export function registerFleetGate(fleet: Command, run: ActionRunner): void {
  addGateFlags(
    withStoreFlag(
      fleet
        .command('gate')
        .description("kgap gate on a product's baseline and candidate results, recorded: its plan shows them"),
    ),
  )
    .argument('<name>', 'product name')
    .action((name: string, flags: GateFlags & { db?: string }) =>
      run(async () => {
        const gate = gateInputFrom(flags);
        const report = await withStore(flags.db, (store) =>
          runFleetGate({ store, name, gate, recordedAt: new Date().toISOString() }),
        );
        process.stderr.write(`kgap: recorded gate ${report.gate.id} for ${name}\n`);
        return gateResult(report.view, flags.format);
      }),
    );

  fleetSubcommand(fleet, 'gates', "a product's recorded gate runs (kgap fleet gate), newest first")
    .argument('<name>', 'product name')
    .action((name: string, flags: { db?: string; format: FleetFormat }) =>
      run(async () => ({
        stdout: fleetFormats.gates[flags.format](await withStore(flags.db, (store) => runFleetGates({ store, name }))),
        exitCode: EXIT.ok,
      })),
    );
}
