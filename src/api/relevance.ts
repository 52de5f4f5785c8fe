/**
 * `kgap/relevance`: does a product build (its `.config` and kernel source tree) compile the code a CVE's fix
 * touched — built-in, module, not built, or unknown, each with the Kbuild line that decides.
 *
 * @example
 * ```ts
 * import { resolveDataOptions } from 'kgap';
 * import { runRelevance } from 'kgap/relevance';
 *
 * const report = await runRelevance({
 *   subject: { cveId: 'CVE-2025-21676' }, config: '.config', source: 'linux-6.1.tar.xz',
 *   useCache: true, data: resolveDataOptions({}, process.env, null), tmpDir: '/tmp',
 * });
 * console.log(report.relevance.status);
 * ```
 * @module
 */
export {
  RELEVANCE_STATUSES,
  type Relevance,
  type RelevanceStatus,
} from '../analysis/relevance/assess-relevance.js';
export type { RelevanceReport } from '../analysis/relevance/relevance-report.js';
export { type RelevanceInput, runRelevance } from '../app/relevance/run-relevance.js';
export { RELEVANCE_FORMATS, type RelevanceFormat, relevanceFormats } from '../formats/relevance/render-relevance.js';
