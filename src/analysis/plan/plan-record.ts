import type { PlanReport } from './plan-report.js';

/** Version of the update decision record's JSON document (docs/plan.md, "JSON"). */
export const PLAN_JSON_SCHEMA_VERSION = 1;

/**
 * The update decision record as a document, keys in the contract's order (docs/plan.md): what `kgap plan --format
 * json` prints and what the fleet stores per product. Pure.
 */
export function planRecord(r: PlanReport) {
  return {
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
    ...(r.earlierGates === undefined ? {} : { earlierGates: r.earlierGates }),
    branch: r.branch,
    notes: r.notes,
    snapshot: r.snapshot,
  };
}

/** The document as stored and served: the record with its `schemaVersion`. */
export type PlanRecord = ReturnType<typeof planRecord>;
