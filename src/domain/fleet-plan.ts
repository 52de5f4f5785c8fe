/**
 * A product's update plan as the fleet keeps it (`kgap fleet plan`, docs/fleet.md "Plans"): the update decision
 * record `kgap plan` writes for the product's tree moved to the newest release of its branch, or the fact that the
 * tree is on that release already. The record itself is stored as its JSON document (docs/plan.md, "JSON").
 */
import { InvalidInput } from './invalid-input.js';
import type { FateCounts } from './patch-fate.js';

/** `planned`: a record to the newest release; `up-to-date`: the tree is on the newest release its tags know. */
export const STORED_PLAN_OUTCOMES = ['planned', 'up-to-date'] as const;
export type StoredPlanOutcome = (typeof STORED_PLAN_OUTCOMES)[number];

/** What the fleet table shows of a plan (everything but the record). */
export type PlanHeadline = {
  readonly id: number;
  readonly productId: number;
  /** When the plan was made (ISO 8601, UTC). */
  readonly plannedAt: string;
  readonly outcome: StoredPlanOutcome;
  /** The revision planned from, as the product names it, and the commit it was then. */
  readonly rev: string;
  readonly revCommit: string | null;
  /** The stable release the tree sits on. */
  readonly from: string;
  /** The release planned to; null when up to date. */
  readonly to: string | null;
  /** Vendor patches per fate; null when up to date. */
  readonly fates: FateCounts | null;
  /** The record's one-line verdict, or why there is nothing to plan. */
  readonly verdict: string;
};

/** A stored plan with its record: the `kgap plan --format json` document, null when up to date. */
export type StoredPlan = PlanHeadline & { readonly record: string | null };

/** Everything one plan writes, in one transaction. */
export type NewPlan = Omit<StoredPlan, 'id'>;

/** The headline's short form for a table: `update ready: 6.1.130, 12 conflicts`, or `up to date`. */
export function describePlan(plan: PlanHeadline): string {
  if (plan.outcome === 'up-to-date' || plan.fates === null) return 'up to date';
  const n = plan.fates.conflict;
  return `update ready: ${plan.to}, ${n} conflict${n === 1 ? '' : 's'}`;
}

/** The product was never planned (exit 2 on the CLI, 404 from the API). */
export class NoStoredPlan extends InvalidInput {
  constructor(name: string) {
    super('name', `${name} has no update plan yet (kgap fleet plan ${name}; products with a git tree only)`);
    this.name = 'NoStoredPlan';
  }
}
