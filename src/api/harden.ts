/**
 * `kgap/harden`: a kernel config's hardening posture against a checklist of defences written as data, its gaps,
 * what a newer kernel would add, and the comparison with a candidate config.
 *
 * @example
 * ```ts
 * import { hardeningFormats, runHarden } from 'kgap/harden';
 *
 * const report = await runHarden({ kernel: { configs: ['.config'] }, releases: null, asOf: '2026-12-06' });
 * if (report.kind === 'reports') process.stdout.write(hardeningFormats.table.report(report.reports, 'fail'));
 * ```
 * @module
 */
export { hardeningChecks } from '../analysis/hardening/checks/index.js';
export type { CheckResult, HardeningReport } from '../analysis/hardening/hardening-report.js';
export type { HardenInput } from '../app/harden/harden-input.js';
export { type HardenReport, runHarden } from '../app/harden/run-harden.js';
export type { HardeningCheck } from '../domain/hardening-check.js';
export { HARDENING_FORMATS, type HardeningFormat, hardeningFormats } from '../formats/hardening/index.js';
