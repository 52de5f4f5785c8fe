/**
 * `kgap/gate`: is a candidate kernel update safe to ship? Baseline and candidate test results (KTAP, LTP, kirk,
 * JUnit, console logs) or two kernels booted under QEMU, compared into a go / no-go verdict with the evidence.
 *
 * @example
 * ```ts
 * import { gateFormats, runGate } from 'kgap/gate';
 *
 * const view = await runGate({ baseline: 'results/6.1.170', candidate: 'results/6.1.183', asOf: '2026-12-06' });
 * process.stdout.write(gateFormats.markdown(view));
 * process.exitCode = view.assessment.verdict === 'go' ? 0 : 1;
 * ```
 * @module
 */

export { type LkftContext, selectLkftIssues } from '../analysis/gate/lkft-known-issues.js';
export { type GateInput, runGate } from '../app/gate/run-gate.js';
export { type GateKernelsInput, type GateKernelsReport, runGateKernels } from '../app/gate/run-gate-kernels.js';
export type { GateView } from '../domain/gate-view.js';
export type { KnownIssue, LkftKnownIssue, LkftKnownIssues } from '../domain/known-issue.js';
export {
  RESULT_FORMATS,
  type ResultFormat,
  type ResultRun,
  TEST_STATUSES,
  type TestResult,
  type TestStatus,
} from '../domain/test-result.js';
export { GATE_FORMATS, type GateFormat, gateFormats } from '../formats/gate/index.js';
export { parseLkftKnownIssues } from '../sources/results/parse-lkft-known-issues.js';
