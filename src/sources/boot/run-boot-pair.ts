/**
 * Boots a baseline and a candidate kernel and writes each side's results directory (`boot.ktap` +
 * `console.log`), ready for the gate. The two boots run concurrently: under TCG each QEMU keeps one core busy,
 * and the machines this targets (CI runners) have two.
 */
import { join } from 'node:path';
import { type BootOptions, type BootRun, runBoot } from './run-boot.js';
import { writeBootResults } from './write-boot-results.js';

/** What differs between the two sides; everything else in `BootOptions` is shared. */
export type BootSide = Pick<BootOptions, 'kernel' | 'expectRelease' | 'append'>;

export type BootPair = {
  readonly baseline: { readonly dir: string; readonly run: BootRun };
  readonly candidate: { readonly dir: string; readonly run: BootRun };
};

function sideOptions(shared: Omit<BootOptions, keyof BootSide>, side: BootSide, label: string): BootOptions {
  const progress = shared.onProgress;
  return {
    ...shared,
    ...side,
    ...(progress === undefined ? {} : { onProgress: (m: string) => progress(`${label}: ${m}`) }),
  };
}

/** Boots both kernels into `outDir/baseline` and `outDir/candidate`. */
export async function runBootPair(options: {
  readonly baseline: BootSide;
  readonly candidate: BootSide;
  readonly shared: Omit<BootOptions, keyof BootSide>;
  readonly outDir: string;
}): Promise<BootPair> {
  const sides = [
    ['baseline', options.baseline],
    ['candidate', options.candidate],
  ] as const;
  // allSettled, not all: when one side fails fast (a bad path), the other's QEMU must still be waited for.
  const [baseline, candidate] = await Promise.allSettled(
    sides.map(async ([label, side]) => {
      const run = await runBoot(sideOptions(options.shared, side, label));
      const dir = join(options.outDir, label);
      await writeBootResults(dir, run);
      return { dir, run };
    }),
  );
  if (baseline?.status === 'rejected') throw baseline.reason;
  if (candidate?.status === 'rejected') throw candidate.reason;
  if (baseline === undefined || candidate === undefined) throw new Error('runBootPair: a side is missing');
  return { baseline: baseline.value, candidate: candidate.value };
}
