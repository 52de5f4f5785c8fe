/** `kgap fleet list`: the fleet table, each product with its latest scan and its branch's end of life. */
import { assessSupport } from '../../analysis/fleet/assess-support.js';
import { parseUpstreamVersion } from '../../domain/distro-version.js';
import type { PlanHeadline } from '../../domain/fleet-plan.js';
import type { Product } from '../../domain/fleet-product.js';
import type { Scan } from '../../domain/fleet-scan.js';
import type { FleetStore } from '../../domain/fleet-store.js';
import type { FleetRow } from '../../domain/fleet-view.js';
import { branchOf } from '../../domain/kernel-version.js';
import { branchEolOf } from '../../sources/releases/branch-eol.js';

function branchOfProduct(product: Product, scan: Scan | null): string | null {
  if (scan) return scan.summary.branch;
  if (product.kernel.kind !== 'version') return null;
  const r = parseUpstreamVersion(product.kernel.version);
  return r.ok ? branchOf(r.version) : null;
}

/** A product's row: its latest scan and plan, and its support verdict as of `asOf`. */
export function rowOf(product: Product, scan: Scan | null, plan: PlanHeadline | null, asOf: string): FleetRow {
  const branch = branchOfProduct(product, scan);
  const support =
    branch === null
      ? { branchEol: null, projected: false, warning: null }
      : assessSupport({ branch, eol: branchEolOf(branch), supportUntil: product.supportUntil, asOf });
  return { product, scan, support, plan };
}

/** Every product with its latest scan and plan, by name. `asOf`: today, to tell a branch that has already ended. */
export async function runFleetList(input: { readonly store: FleetStore; readonly asOf: string }): Promise<FleetRow[]> {
  const [products, scans, plans] = await Promise.all([
    input.store.listProducts(),
    input.store.latestScans(),
    input.store.latestPlans(),
  ]);
  const latest = new Map(scans.map((s) => [s.productId, s]));
  const planned = new Map(plans.map((p) => [p.productId, p]));
  return products.map((p) => rowOf(p, latest.get(p.id) ?? null, planned.get(p.id) ?? null, input.asOf));
}
