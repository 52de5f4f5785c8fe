/**
 * kgap's library API. This entry holds the shared vocabulary (kernel versions, CVE ids, days, errors), where the
 * data comes from (`resolveDataOptions`, `runSync`), and every use-case; each capability also has its own entry
 * with its report types and renderers: `kgap/status`, `kgap/cve`, `kgap/relevance`, `kgap/harden`, `kgap/gate`,
 * `kgap/boot`, `kgap/analytics`. Errors a user can act on are `UserError`s; `InvalidInput` names the input field.
 *
 * @example
 * ```ts
 * import { resolveDataOptions, runStatus, runSync } from 'kgap';
 *
 * const data = resolveDataOptions({}, process.env, (line) => console.error(line));
 * await runSync(data);
 * const { view } = await runStatus({ target: { kind: 'version', version: '6.1.170' }, data, build: null, tmpDir: '/tmp' });
 * console.log(view.report.summary.affected);
 * ```
 * @module
 */
export { runBoot } from './app/boot/run-boot.js';
export { runCve } from './app/cve/run-cve.js';
export { runDiff } from './app/diff/run-diff.js';
export { runExposure } from './app/exposure/run-exposure.js';
export { runGate } from './app/gate/run-gate.js';
export { runGateKernels } from './app/gate/run-gate-kernels.js';
export { runHarden } from './app/harden/run-harden.js';
export { runLag } from './app/lag/run-lag.js';
export { runRelevance } from './app/relevance/run-relevance.js';
export { runSimulate } from './app/simulate/run-simulate.js';
export { runStatus } from './app/status/run-status.js';
export { runTreeExplain } from './app/status/run-tree-explain.js';
export { runSync, type SyncOutcome } from './app/sync/run-sync.js';
export { type CveRecord, type Cvss, SEVERITIES, type Severity } from './domain/cve.js';
export { type CveId, compareCveIds, isCveId, parseCveId } from './domain/cve-id.js';
export { type Day, daysBetween, isDay, parseDay } from './domain/day.js';
export { detectRunningVersion, parseUpstreamVersion } from './domain/distro-version.js';
export { InvalidInput, UserError } from './domain/invalid-input.js';
export {
  branchOf,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from './domain/kernel-version.js';
export type { Release, ReleaseTable } from './domain/release.js';
export { type DataOptions, resolveDataOptions } from './sources/data/data-options.js';
