/**
 * `kgap/status`: which published kernel CVEs a kernel carries, branch- and backport-aware, and how far behind its
 * stable branch it is; with the product's `.config`, which of them touch code it builds.
 *
 * @example
 * ```ts
 * import { resolveDataOptions } from 'kgap';
 * import { runStatus, statusFormats } from 'kgap/status';
 *
 * const data = resolveDataOptions({}, process.env, null);
 * const { view } = await runStatus({ target: { kind: 'version', version: '6.1.170' }, data, build: null, tmpDir: '/tmp' });
 * process.stdout.write(statusFormats.json(view));
 * ```
 * @module
 */
export type { ExposureReport, Finding } from '../analysis/exposure/assess-exposure.js';
export { type FailOn, parseFailOn } from '../analysis/exposure/fail-on.js';
export type { StatusView } from '../analysis/exposure/plan-status-view.js';
export type { TreeVerdict } from '../analysis/tree/tree-evidence.js';
export type { TreeFacts } from '../analysis/tree/tree-facts.js';
export {
  type BuildInputs,
  runStatus,
  type StatusInput,
  type StatusOutcome,
  type StatusTarget,
} from '../app/status/run-status.js';
export { runTreeExplain, type TreeExplainInput, type TreeExplainOutcome } from '../app/status/run-tree-explain.js';
export { STATUS_FORMATS, type StatusFormat, statusFormats } from '../formats/status/index.js';
export { renderTreeExplain } from '../formats/tree/render-tree-explain.js';
