import type { Command } from 'commander';
import { runFleetGate, runFleetGates, runFleetGateWith } from '../../app/fleet/run-fleet-gate.js';
import { type FleetFormat, fleetFormats } from '../../formats/fleet/index.js';
import type { ActionRunner } from '../command.js';
import { EXIT } from '../errors.js';
import { fleetSubcommand, withStore, withStoreFlag } from '../store-flags.js';
import { addGateFlags, type GateFlags, gateInputFrom, gateOptionsFrom, gateResult } from './gate-flags.js';
import { addGateBootOptions, bootsKernels, type GateBootFlags, gateKernels } from './gate-kernels.js';

/**
 * `kgap fleet gate NAME --baseline DIR --candidate DIR …` (or `--baseline-kernel A --candidate-kernel B …`, booting
 * both as `kgap gate` does): `kgap gate` (same output, same exit code), recorded for the product; and
 * `kgap fleet gates NAME`: the recorded runs, newest first.
 */
export function registerFleetGate(fleet: Command, run: ActionRunner): void {
  addGateFlags(
    addGateBootOptions(
      withStoreFlag(
        fleet
          .command('gate')
          .description("kgap gate on a product's baseline and candidate results, recorded: its plan shows them"),
      ),
    ),
  )
    .argument('<name>', 'product name')
    .action((name: string, flags: GateFlags & GateBootFlags & { db?: string }) =>
      run(async () => {
        const recordedAt = new Date().toISOString();
        const report = await withStore(flags.db, (store) =>
          bootsKernels(flags)
            ? runFleetGateWith({
                store,
                name,
                gateView: () => gateKernels(flags, gateOptionsFrom(flags)),
                // The kernels are what the user gave; the boots' results directories may be temporary.
                sides: { baseline: flags.baselineKernel ?? '', candidate: flags.candidateKernel ?? '' },
                recordedAt,
              })
            : runFleetGate({ store, name, gate: gateInputFrom(flags), recordedAt }),
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
