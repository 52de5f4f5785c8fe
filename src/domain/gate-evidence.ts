import type { Crash } from './crash.js';
import type { ResultRun } from './test-result.js';

/**
 * What one side of the gate consists of: the results files read (one run each) and the crash signatures of its
 * console/dmesg logs. `sources/results/` reads it from a directory; `analysis/gate/` compares two of them.
 */
export type GateEvidence = {
  readonly runs: readonly ResultRun[];
  /** Crash signatures from the side's console/dmesg logs (already merged per signature or not). */
  readonly crashes: readonly Crash[];
  /** The console/dmesg logs that were scanned, relative paths. */
  readonly consoleLogs: readonly string[];
};
