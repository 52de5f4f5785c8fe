/**
 * `kgap fleet gate NAME`: `kgap gate` on a product's baseline and candidate test results, recorded in the fleet
 * (docs/fleet.md, "Gates") so that the product's next update plan shows what earlier gates found. The gate runs
 * first and exactly as `kgap gate` runs it: bad input is its `InvalidInput`, and nothing is recorded.
 */
import { gateCountsOf, type StoredGate } from '../../domain/fleet-gate.js';
import type { FleetStore } from '../../domain/fleet-store.js';
import type { ProductGates } from '../../domain/fleet-view.js';
import type { GateView } from '../../domain/gate-view.js';
import { type GateInput, runGate } from '../gate/run-gate.js';
import { requireProduct } from './run-fleet-show.js';

export type FleetGateInput = {
  readonly store: FleetStore;
  /** The product the results are of. */
  readonly name: string;
  readonly gate: GateInput;
  /** When the run is recorded (ISO 8601): the caller reads the clock. */
  readonly recordedAt: string;
};

/** The gate's report, as `kgap gate` renders it, and the recorded run. */
export type FleetGateReport = { readonly view: GateView; readonly gate: StoredGate };

/** Runs the gate and records its verdict, counts and reasons for the product, in one transaction. */
export async function runFleetGate(input: FleetGateInput): Promise<FleetGateReport> {
  const product = await requireProduct(input.store, input.name);
  const view = await runGate(input.gate);
  const a = view.assessment;
  const gate = {
    productId: product.id,
    recordedAt: input.recordedAt,
    asOf: a.asOf,
    verdict: a.verdict,
    baseline: view.baselinePath,
    candidate: view.candidatePath,
    counts: gateCountsOf(a),
    reasons: a.reasons,
  };
  const id = await input.store.recordGate(gate);
  return { view, gate: { ...gate, id } };
}

/** A product's recorded gate runs, newest first. */
export async function runFleetGates(input: {
  readonly store: FleetStore;
  readonly name: string;
}): Promise<ProductGates> {
  const product = await requireProduct(input.store, input.name);
  return { product: product.name, gates: await input.store.gates(product.id, null) };
}
