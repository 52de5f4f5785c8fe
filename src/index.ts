/** kgap's library API: the CLI (and any server) call these. */

// Update gate (kgap gate): results parsing, crash signatures, the decision and its renderers.
export { assessGate, type GateEvidence, type GateOptions } from './analysis/gate/assess-gate.js';
export { CRASH_KINDS, type Crash, type CrashKind } from './analysis/gate/crash.js';
export {
  DEFAULT_GATE_POLICY,
  type GateAssessment,
  type GatePolicy,
  type Verdict as GateVerdict,
} from './analysis/gate/gate-report.js';
export type { KnownIssue } from './analysis/gate/known-issues.js';
export {
  RESULT_FORMATS,
  type ResultFormat,
  type ResultRun,
  TEST_STATUSES,
  type TestResult,
  type TestStatus,
} from './analysis/gate/test-result.js';
export * from './domain/cve.js';
export * from './domain/distro-version.js';
export * from './domain/kernel-config.js';
export * from './domain/kernel-version.js';
export { GATE_FORMATS, type GateFormat, type GateView, gateFormats } from './formats/gate/index.js';
export { parseCrashes } from './sources/results/parse-crashes.js';
export { parseKnownIssues } from './sources/results/parse-known-issues.js';
export { type ResultsDir, readResultsDir } from './sources/results/read-results-dir.js';
export { detectResultFormat, parseResults, resultParsers } from './sources/results/result-formats.js';
export { type RunGateOptions, readGateSide, readKnownIssues, runGate } from './sources/results/run-gate.js';
