import { runGate } from '../../app/gate/run-gate.js';
import type { CommandSpec } from '../command.js';
import { addGateFlags, type GateFlags, gateInputFrom, gateOptionsFrom, gateResult } from './gate-flags.js';
import { addGateBootOptions, bootsKernels, type GateBootFlags, gateKernels } from './gate-kernels.js';

/** `kgap gate`: baseline vs candidate test results (or two kernels to boot) -> go / no-go. */
export const gateCommand: CommandSpec = {
  name: 'gate',
  register(program, run) {
    // gate-kernels.ts adds --baseline-kernel/--candidate-kernel and friends (boot both sides, then gate).
    addGateFlags(
      addGateBootOptions(program.command('gate')).description(
        'compare baseline and candidate test results (KTAP, LTP, JUnit, console logs): exit 0 go, 1 no-go',
      ),
    ).action((flags: GateFlags & GateBootFlags) =>
      run(async () => {
        if (bootsKernels(flags)) return gateResult(await gateKernels(flags, gateOptionsFrom(flags)), flags.format);
        return gateResult(await runGate(gateInputFrom(flags)), flags.format);
      }),
    );
  },
};
