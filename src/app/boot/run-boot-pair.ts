/**
 * Boots a baseline and a candidate kernel and writes each side's results directory (`boot.ktap` +
 * `console.log`), ready for the gate. The two boots run concurrently: under TCG each QEMU keeps one core busy,
 * and the machines this targets (CI runners) have two.
 */
import { join } from 'node:path';
import type { BootRun } from '../../domain/boot-run.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { BootInput, BootSide } from './boot-input.js';
import { runBoot } from './run-boot.js';

export type BootPairInput = {
  readonly baseline: BootSide;
  readonly candidate: BootSide;
  /** Everything else, the same for both boots (`outDir` and `ktapFile` are set per side). */
  readonly shared: Omit<BootInput, keyof BootSide | 'outDir' | 'ktapFile'>;
  /** The sides' results go to `outDir/baseline` and `outDir/candidate`. */
  readonly outDir: string;
};

export type BootPair = {
  readonly baseline: { readonly dir: string; readonly run: BootRun };
  readonly candidate: { readonly dir: string; readonly run: BootRun };
};

const SIDE_FIELDS: ReadonlySet<string> = new Set(['kernel', 'expectRelease', 'append'] satisfies (keyof BootSide)[]);

/** A side's bad input names the side: `kernel` of the baseline is `baselineKernel`. */
function namingSide(label: string, error: unknown): unknown {
  if (!(error instanceof InvalidInput) || !SIDE_FIELDS.has(error.field)) return error;
  return new InvalidInput(`${label}${error.field[0]?.toUpperCase()}${error.field.slice(1)}`, error.problem);
}

/** Boots both kernels into `outDir/baseline` and `outDir/candidate`. */
export async function runBootPair(input: BootPairInput): Promise<BootPair> {
  const progress = input.shared.onProgress;
  const sides = [
    ['baseline', input.baseline],
    ['candidate', input.candidate],
  ] as const;
  // allSettled, not all: when one side fails fast (a bad path), the other's QEMU must still be waited for.
  const [baseline, candidate] = await Promise.allSettled(
    sides.map(async ([label, side]) => {
      const dir = join(input.outDir, label);
      const run = await runBoot({
        ...input.shared,
        ...side,
        outDir: dir,
        ...(progress === undefined ? {} : { onProgress: (m: string) => progress(`${label}: ${m}`) }),
      }).catch((error: unknown) => {
        throw namingSide(label, error);
      });
      return { dir, run };
    }),
  );
  if (baseline?.status === 'rejected') throw baseline.reason;
  if (candidate?.status === 'rejected') throw candidate.reason;
  if (baseline === undefined || candidate === undefined) throw new Error('runBootPair: a side is missing');
  return { baseline: baseline.value, candidate: candidate.value };
}
