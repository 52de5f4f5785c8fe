/**
 * `kgap fleet gate NAME`: `kgap gate` on a product's baseline and candidate test results, recorded in the fleet
 * (docs/fleet.md, "Gates") so that the product's next update plan shows what earlier gates found. The gate runs
 * first and exactly as `kgap gate` runs it: bad input is its `InvalidInput`, and nothing is recorded.
 */
import { gateCountsOf, type StoredGate } from '../../domain/fleet-gate.js';
import type { FleetStore } from '../../domain/fleet-store.js';
import type { ProductGates } from '../../domain/fleet-view.js';
import type { GateView } from '../../domain/gate-view.js';
import { openUploadStaging, type UploadedFiles, type UploadStaging } from '../../sources/results/write-gate-uploads.js';
import { type GateInput, runGate } from '../gate/run-gate.js';
import { requireProduct } from './run-fleet-show.js';

/** One side of the gate: a path (on this machine), or the result files themselves, as `kgap serve` receives them. */
export type FleetGateSide = string | { readonly label?: string; readonly files: UploadedFiles };

/** The gate's input, each file input given as a path or sent along. */
export type FleetGateRequest = Omit<GateInput, 'baseline' | 'candidate' | 'knownIssues' | 'labels'> & {
  readonly baseline: FleetGateSide;
  readonly candidate: FleetGateSide;
  readonly knownIssues?: string | { readonly text: string };
};

export type FleetGateInput = {
  readonly store: FleetStore;
  /** The product the results are of. */
  readonly name: string;
  readonly gate: FleetGateRequest;
  /** Where files sent along are written while the gate reads them; needed only then. */
  readonly tmpDir?: string;
  /** When the run is recorded (ISO 8601): the caller reads the clock. */
  readonly recordedAt: string;
};

/**
 * Runs `use` on the gate's input with every file sent along written to a private staging directory, made on the
 * first file and removed afterwards, whatever happens; the report and messages name an uploaded input by its label.
 */
async function withFiles<T>(input: FleetGateInput, use: (gate: GateInput) => Promise<T>): Promise<T> {
  const { baseline, candidate, knownIssues, ...rest } = input.gate;
  let staging: UploadStaging | null = null;
  const stage = async () => {
    if (input.tmpDir === undefined) throw new Error('runFleetGate: files sent along need a tmpDir');
    staging ??= await openUploadStaging(input.tmpDir);
    return staging;
  };
  const side = async (field: 'baseline' | 'candidate', s: FleetGateSide) => {
    if (typeof s === 'string') return { path: s, label: s };
    const n = Object.keys(s.files).length;
    const path = await (await stage()).writeFiles(field, s.files);
    return { path, label: s.label ?? `upload (${n} file${n === 1 ? '' : 's'})` };
  };
  try {
    const b = await side('baseline', baseline);
    const c = await side('candidate', candidate);
    const k =
      typeof knownIssues === 'object'
        ? { path: await (await stage()).writeText('knownIssues', knownIssues.text), label: 'uploaded known issues' }
        : knownIssues === undefined
          ? undefined
          : { path: knownIssues, label: knownIssues };
    return await use({
      ...rest,
      baseline: b.path,
      candidate: c.path,
      ...(k === undefined ? {} : { knownIssues: k.path }),
      labels: { baseline: b.label, candidate: c.label, ...(k === undefined ? {} : { knownIssues: k.label }) },
    });
  } finally {
    // The cast: TypeScript cannot see `stage` assign it inside the closures above.
    await (staging as UploadStaging | null)?.remove();
  }
}

/** The gate's report, as `kgap gate` renders it, and the recorded run. */
export type FleetGateReport = { readonly view: GateView; readonly gate: StoredGate };

/** Runs the gate and records its verdict, counts and reasons for the product, in one transaction. */
export function runFleetGate(input: FleetGateInput): Promise<FleetGateReport> {
  return runFleetGateWith({ ...input, gateView: () => withFiles(input, runGate) });
}

/**
 * Records a gate whose report `gateView` makes (`kgap fleet gate --baseline-kernel …` boots two kernels for it),
 * after checking the product exists, so that an unknown name costs no boot. `sides` names the two sides in the
 * record when the report's paths are not what the user gave (the kernels rather than their boots' results).
 */
export async function runFleetGateWith(input: {
  readonly store: FleetStore;
  readonly name: string;
  readonly gateView: () => Promise<GateView>;
  readonly sides?: { readonly baseline: string; readonly candidate: string };
  readonly recordedAt: string;
}): Promise<FleetGateReport> {
  const product = await requireProduct(input.store, input.name);
  const view = await input.gateView();
  const a = view.assessment;
  const gate = {
    productId: product.id,
    recordedAt: input.recordedAt,
    asOf: a.asOf,
    verdict: a.verdict,
    baseline: input.sides?.baseline ?? view.baselinePath,
    candidate: input.sides?.candidate ?? view.candidatePath,
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
