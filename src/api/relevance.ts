/**
 * `kgap/relevance`: does a product build (its `.config` and kernel source tree) compile the code a CVE's fix
 * touched — built-in, module, not built, or unknown, each with the Kbuild line that decides.
 *
 * @example
 * ```ts
 * import { resolveDataOptions } from 'kgap';
 * import { readBuildRecord, runRelevance } from 'kgap/relevance';
 *
 * const inputs = {
 *   subject: { cveId: 'CVE-2025-21676' }, config: '.config', source: 'linux-6.1.tar.xz',
 *   useCache: true, data: resolveDataOptions({}, process.env, null), tmpDir: '/tmp',
 * };
 * console.log((await runRelevance(inputs)).relevance.status);
 *
 * // Kbuild's own record of a real build decides instead of inference (a build directory, or a tarball of it);
 * // its .config is the default config.
 * console.log((await runRelevance({ ...inputs, config: null, buildDir: 'build/' })).relevance.status);
 * const record = await readBuildRecord('build/'); // what compareWithBuild measures inference against
 * ```
 * @module
 */
export {
  RELEVANCE_STATUSES,
  type Relevance,
  type RelevanceStatus,
} from '../analysis/relevance/assess-relevance.js';
export { type BuildComparison, compareWithBuild } from '../analysis/relevance/compare-with-build.js';
export type { RelevanceReport } from '../analysis/relevance/relevance-report.js';
export { type RelevanceInput, runRelevance } from '../app/relevance/run-relevance.js';
export type { BuildRecord } from '../domain/build-record.js';
export { RELEVANCE_FORMATS, type RelevanceFormat, relevanceFormats } from '../formats/relevance/render-relevance.js';
export { readBuildRecord } from '../sources/kbuild/read-build-record.js';
