/**
 * `kgap/cve`: one CVE's title, CVSS, fix commits and per-branch introduced/fixed releases, and whether a given
 * kernel version carries it.
 *
 * @example
 * ```ts
 * import { resolveDataOptions } from 'kgap';
 * import { cveFormats, runCve } from 'kgap/cve';
 *
 * const detail = await runCve({ cveId: 'CVE-2025-21629', version: '6.1.120', data: resolveDataOptions({}, process.env, null) });
 * process.stdout.write(cveFormats.table(detail));
 * ```
 * @module
 */
export type { BranchLine, CveDetail } from '../analysis/exposure/plan-cve-detail.js';
export { type CveInput, runCve } from '../app/cve/run-cve.js';
export { CVE_FORMATS, type CveFormat, cveFormats } from '../formats/cve/render-cve.js';
