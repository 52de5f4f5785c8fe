/**
 * `kgap/analytics`: the evidence that cherry-picking fails, from real data — CVE lag (`runLag`), exposure over a
 * branch's releases (`runExposure`), what an update from A to B changes (`runDiff`) and update policies replayed
 * day by day (`runSimulate`).
 *
 * @example
 * ```ts
 * import { resolveDataOptions } from 'kgap';
 * import { lagFormats, runLag } from 'kgap/analytics';
 *
 * const report = await runLag({ since: '2025-01-01', branch: '6.1', data: resolveDataOptions({}, process.env, null) });
 * process.stdout.write(lagFormats.markdown(report));
 * ```
 * @module
 */
export type { DiffCve, DiffReport } from '../analysis/diff/assess-diff.js';
export type { ExposureCurveReport } from '../analysis/exposure-curve/assess-exposure-curve.js';
export type { LagReport } from '../analysis/lag/assess-lag.js';
export type { SimulationReport } from '../analysis/simulate/assess-simulation.js';
export { type DiffInput, runDiff } from '../app/diff/run-diff.js';
export { type ExposureInput, runExposure } from '../app/exposure/run-exposure.js';
export { type LagInput, runLag } from '../app/lag/run-lag.js';
export { DEFAULT_POLICIES, runSimulate, type SimulateInput } from '../app/simulate/run-simulate.js';
export { DIFF_FORMATS, type DiffFormat, diffFormats } from '../formats/diff/index.js';
export {
  EXPOSURE_CURVE_FORMATS,
  type ExposureCurveFormat,
  exposureCurveFormats,
} from '../formats/exposure-curve/index.js';
export { LAG_FORMATS, type LagFormat, lagFormats } from '../formats/lag/index.js';
export { SIMULATE_FORMATS, type SimulateFormat, simulateFormats } from '../formats/simulate/index.js';
