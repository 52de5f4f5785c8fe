import { planRecord } from '../../analysis/plan/plan-record.js';
import type { PlanReport } from '../../analysis/plan/plan-report.js';

export { PLAN_JSON_SCHEMA_VERSION } from '../../analysis/plan/plan-record.js';

/**
 * The update decision record as JSON: fixed key order (docs/plan.md), every CVE and every vendor patch, trailing
 * newline. The fleet stores the same document per product.
 */
export function renderPlanJson(r: PlanReport): string {
  return `${JSON.stringify(planRecord(r), null, 2)}\n`;
}
