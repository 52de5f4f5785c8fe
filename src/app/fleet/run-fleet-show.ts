/** `kgap fleet show` and `kgap fleet history`: one product, its latest findings and plan, its scans over time. */
import { sortFindings } from '../../analysis/exposure/assess-exposure.js';
import { NoStoredPlan } from '../../domain/fleet-plan.js';
import { type Product, UnknownProduct } from '../../domain/fleet-product.js';
import type { FleetStore } from '../../domain/fleet-store.js';
import type { ProductDetail, ProductHistory, ProductPlan } from '../../domain/fleet-view.js';
import { rowOf } from './run-fleet-list.js';

/** The product of that name; an `InvalidInput` naming `name` when there is none. */
export async function requireProduct(store: FleetStore, name: string): Promise<Product> {
  const product = await store.findProduct(name);
  if (product === null) throw new UnknownProduct(name);
  return product;
}

export async function runFleetShow(input: {
  readonly store: FleetStore;
  readonly name: string;
  readonly asOf: string;
}): Promise<ProductDetail> {
  const product = await requireProduct(input.store, input.name);
  const [history, stored] = await Promise.all([
    input.store.scanHistory(product.id),
    input.store.latestPlan(product.id),
  ]);
  const scan = history.at(-1) ?? null;
  const findings = scan ? [...(await input.store.scanFindings(scan.id))] : [];
  sortFindings(findings);
  return { ...rowOf(product, scan, null, input.asOf), plan: stored, findings };
}

/** A product's scans, oldest first. */
export async function runFleetHistory(input: {
  readonly store: FleetStore;
  readonly name: string;
}): Promise<ProductHistory> {
  const product = await requireProduct(input.store, input.name);
  return { product, scans: await input.store.scanHistory(product.id) };
}

/** A product's latest plan with its record; a `NoStoredPlan` (naming `name`) when it was never planned. */
export async function runFleetPlanShow(input: {
  readonly store: FleetStore;
  readonly name: string;
}): Promise<ProductPlan> {
  const product = await requireProduct(input.store, input.name);
  const plan = await input.store.latestPlan(product.id);
  if (plan === null) throw new NoStoredPlan(product.name);
  return { product, plan };
}
