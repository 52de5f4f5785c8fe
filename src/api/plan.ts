/**
 * `kgap/plan`: the update decision record for moving a vendor kernel tree from the stable release it sits on to a
 * newer release of its branch — the CVEs it closes, brings and leaves (tree-aware), the stable fixes it brings, the
 * fate of every vendor patch (upstream, clean, conflict, vendor-revert, decided with `git merge-tree` without a
 * checkout), the hardening it changes, a test plan and a one-line verdict. JSON contract: docs/plan.md.
 *
 * @example
 * ```ts
 * import { resolveDataOptions } from 'kgap';
 * import { planFormats, runPlan } from 'kgap/plan';
 *
 * const { report } = await runPlan({
 *   tree: '/src/product-kernel', rev: 'HEAD', to: 'latest', upstreamRef: null, stableTree: null, build: null,
 *   writeBranch: null, data: resolveDataOptions({}, process.env, null), tmpDir: '/tmp', asOf: '2026-08-21',
 * });
 * console.log(report.verdict);
 * process.stdout.write(planFormats.json(report)); // the record a fleet stores
 * ```
 * @module
 */
export {
  FATE_EVIDENCE,
  PATCH_FATES,
  type PatchFate,
  type PlanCve,
  type PlanReport,
  type VendorPatch,
} from '../analysis/plan/plan-report.js';
export { type PlanInput, type PlanOutcome, runPlan } from '../app/plan/run-plan.js';
export { PLAN_FORMATS, type PlanFormat, planFormats } from '../formats/plan/index.js';
export { PLAN_JSON_SCHEMA_VERSION, renderPlanJson } from '../formats/plan/render-plan-json.js';
