/** `kgap fleet plan` (what a run planned) and `kgap fleet show NAME --plan` (a product's stored record). */
import type { PlanRecord } from '../../analysis/plan/plan-record.js';
import type { StoredPlan } from '../../domain/fleet-plan.js';
import type { FleetPlanReport, ProductPlan } from '../../domain/fleet-view.js';
import { renderPlanMarkdown } from '../plan/render-plan-markdown.js';
import { renderPlanTable } from '../plan/render-plan-table.js';
import { dash, planCell, planJson, productJson } from './fleet-cells.js';
import { FLEET_JSON_SCHEMA_VERSION, tabularRenderers } from './tabular-report.js';

/** The stored record (the `kgap plan --format json` document), or null for a tree that was up to date. */
export function planRecordOf(plan: StoredPlan): PlanRecord | null {
  return plan.record === null ? null : (JSON.parse(plan.record) as PlanRecord);
}

/** `kgap fleet plan`: one row per product, by name: planned, up to date, not plannable or failed. */
export const fleetPlanRenderers = tabularRenderers<FleetPlanReport>({
  lead: (r) => {
    const count = (s: string) => r.products.filter((p) => p.status === s).length;
    return [
      `Planned ${count('planned')} products; up to date ${count('up-to-date')}; not plannable ${count('not-plannable')}; failed ${count('failed')}`,
    ];
  },
  header: ['PRODUCT', 'STATUS', 'FROM', 'TO', 'UPSTREAM', 'CLEAN', 'CONFLICT', 'VENDOR-REVERT', 'UPDATE', 'DETAIL'],
  rows: (r) =>
    r.products.map((p) => {
      const f = p.plan?.fates ?? null;
      return [
        p.product,
        p.status,
        dash(p.plan?.from),
        dash(p.plan?.to),
        dash(f?.upstream),
        dash(f?.clean),
        dash(f?.conflict),
        dash(f?.['vendor-revert']),
        planCell(p.plan),
        p.reason ?? p.plan?.verdict ?? '',
      ];
    }),
  json: (r) => ({
    products: r.products.map((p) => ({
      product: p.product,
      status: p.status,
      plan: p.plan ? planJson(p.plan) : null,
      reason: p.reason,
    })),
  }),
});

function heading({ product, plan }: ProductPlan): string {
  const commit = plan.revCommit ? ` = ${plan.revCommit.slice(0, 12)}` : '';
  return `Product ${product.name}: update plan ${plan.id} at ${plan.plannedAt} (${plan.rev}${commit}): ${planCell(plan)}`;
}

/** `kgap fleet show NAME --plan` and `GET /api/v1/products/{name}/plan`: the stored record, as `kgap plan` prints it. */
export const fleetStoredPlanRenderers = {
  table: (p: ProductPlan) => {
    const record = planRecordOf(p.plan);
    return `${heading(p)}\n\n${record ? renderPlanTable(record) : `${p.plan.verdict}\n`}`;
  },
  markdown: (p: ProductPlan) => {
    const record = planRecordOf(p.plan);
    // The record's headings go two levels down, under the product's.
    const body = record ? renderPlanMarkdown(record).replace(/^(#+) /gm, '##$1 ') : `${p.plan.verdict}\n`;
    return `## ${heading(p)}\n\n${body}`;
  },
  json: (p: ProductPlan) => {
    const doc = {
      schemaVersion: FLEET_JSON_SCHEMA_VERSION,
      product: productJson(p.product),
      plan: { ...planJson(p.plan), record: planRecordOf(p.plan) },
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  },
};
