/**
 * The gate from two kernels (`kgap gate --baseline-kernel A --candidate-kernel B`): boots both with the `kgap boot`
 * checks into results directories, then gates those directories like any others. Never prints: boot progress goes
 * to `onProgress` of the boot input.
 */
import { requireDay } from '../../domain/day.js';
import type { GateView } from '../../domain/gate-view.js';
import { withScratchDir } from '../../sources/boot/scratch-dir.js';
import { type BootPair, type BootPairInput, runBootPair } from '../boot/run-boot-pair.js';
import { type GateInput, knownIssuesOf, runGate } from './run-gate.js';

export type GateKernelsInput = Omit<BootPairInput, 'outDir'> & {
  /** Keep the boot results in `outDir/baseline` and `outDir/candidate`; null boots into a scratch directory. */
  readonly outDir: string | null;
  /** Where the scratch directory goes (the system's temp dir) when `outDir` is null; it is removed afterwards. */
  readonly tmpDir: string;
  /** How to gate the two results directories. */
  readonly gate: Omit<GateInput, 'baseline' | 'candidate'>;
};

/** The two boots and the gate's report on their results. */
export type GateKernelsReport = { readonly boots: BootPair; readonly gate: GateView };

/** Boots both kernels, then gates their results. */
export async function runGateKernels(input: GateKernelsInput): Promise<GateKernelsReport> {
  // A bad day or known-issues file is refused before two boots are spent on it.
  requireDay('asOf', input.gate.asOf);
  if (input.gate.knownIssues !== undefined) {
    await knownIssuesOf({ ...input.gate, baseline: '', candidate: '' }, input.gate.knownIssues);
  }
  const bootAndGate = async (outDir: string): Promise<GateKernelsReport> => {
    const boots = await runBootPair({
      baseline: input.baseline,
      candidate: input.candidate,
      shared: input.shared,
      outDir,
    });
    const gate = await runGate({ ...input.gate, baseline: boots.baseline.dir, candidate: boots.candidate.dir });
    return { boots, gate };
  };
  return input.outDir === null
    ? withScratchDir(input.tmpDir, 'kgap-gate-boot-', bootAndGate)
    : bootAndGate(input.outDir);
}
