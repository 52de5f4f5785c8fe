/**
 * A product's gate results as the fleet keeps them (`kgap fleet gate`, docs/fleet.md "Gates"): the verdict of one
 * `kgap gate` run of the product's baseline and candidate test results, its counts and its reasons, so that the
 * product's update plan can say what earlier gates of the product found (docs/plan.md, "earlierGates").
 */
import type { GateAssessment, Verdict } from './gate-assessment.js';

/** The gate's findings counted: what a table shows of a run without its lists. */
export type GateCounts = {
  readonly compared: number;
  readonly regressions: number;
  readonly newCrashes: number;
  readonly newFailures: number;
  readonly lostCoverage: number;
  readonly flaky: number;
  readonly fixes: number;
  readonly expectedFailures: number;
};

/** One recorded gate run of a product. */
export type StoredGate = {
  readonly id: number;
  readonly productId: number;
  /** When it was recorded (ISO 8601, UTC). */
  readonly recordedAt: string;
  /** The day known issues were judged against. */
  readonly asOf: string;
  readonly verdict: Verdict;
  /** The two sides' results as the user named them (a directory or file). */
  readonly baseline: string;
  readonly candidate: string;
  readonly counts: GateCounts;
  /** The gate's reasons, blocking ones first (as `kgap gate` prints them). */
  readonly reasons: readonly string[];
};

/** Everything one recorded gate writes, in one transaction. */
export type NewGate = Omit<StoredGate, 'id'>;

/** A gate as a plan's test plan shows it (docs/plan.md, `earlierGates[]`). */
export type EarlierGate = Omit<StoredGate, 'productId'>;

/** The counts of an assessment. Pure. */
export function gateCountsOf(a: GateAssessment): GateCounts {
  return {
    compared: a.counts.compared,
    regressions: a.regressions.length,
    newCrashes: a.newCrashes.length,
    newFailures: a.newFailures.length,
    lostCoverage: a.lostCoverage.length,
    flaky: a.flaky.length,
    fixes: a.fixes.length,
    expectedFailures: a.expectedFailures.length,
  };
}

/** A stored run as a plan shows it (every field but the product's id). Pure. */
export function earlierGateOf(g: EarlierGate): EarlierGate {
  return {
    id: g.id,
    recordedAt: g.recordedAt,
    asOf: g.asOf,
    verdict: g.verdict,
    baseline: g.baseline,
    candidate: g.candidate,
    counts: g.counts,
    reasons: g.reasons,
  };
}

/** How many earlier gates a product's plan shows, newest first. */
export const EARLIER_GATES_IN_PLAN = 3;
