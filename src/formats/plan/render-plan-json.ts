import type { PlanReport } from '../../analysis/plan/plan-report.js';

/** Version of the `kgap plan --format json` document (docs/plan.md, "JSON"). */
export const PLAN_JSON_SCHEMA_VERSION = 1;

/**
 * The update decision record as JSON: fixed key order (docs/plan.md), every CVE and every vendor patch, trailing
 * newline. This is what the fleet stores per product.
 */
export function renderPlanJson(r: PlanReport): string {
  const doc = {
    schemaVersion: PLAN_JSON_SCHEMA_VERSION,
    verdict: r.verdict,
    from: r.from,
    to: r.to,
    cves: r.cves,
    stableFixes: r.stableFixes,
    fates: r.fates,
    vendorPatches: r.vendorPatches,
    hardening: r.hardening,
    testPlan: r.testPlan,
    branch: r.branch,
    notes: r.notes,
    snapshot: r.snapshot,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
