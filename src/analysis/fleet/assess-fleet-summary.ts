import type { FleetRow } from '../../domain/fleet-view.js';

/** The fleet at a glance (`GET /api/v1/summary`, the dashboard's header). */
export type FleetSummary = {
  readonly products: number;
  readonly scanned: number;
  /** Products whose branch has a newer release than they run. */
  readonly behind: number;
  /** CVEs carried, summed over the products' latest scans (a CVE carried by two products counts twice). */
  readonly cvesCarried: number;
  /** Of them in code the product builds (products with a config). */
  readonly cvesBuilt: number;
  readonly highCritical: number;
  readonly supportWarnings: number;
  /** The largest days-behind of any product, and which. */
  readonly furthestBehind: { readonly product: string; readonly days: number } | null;
  readonly branches: readonly { readonly branch: string; readonly products: number }[];
};

/** Sums the fleet table. Pure. */
export function assessFleetSummary(rows: readonly FleetRow[]): FleetSummary {
  let scanned = 0;
  let behind = 0;
  let cvesCarried = 0;
  let cvesBuilt = 0;
  let highCritical = 0;
  let furthest: { product: string; days: number } | null = null;
  const branches = new Map<string, number>();
  for (const r of rows) {
    if (r.scan === null) continue;
    const s = r.scan.summary;
    scanned++;
    if ((s.releasesBehind ?? 0) > 0) behind++;
    cvesCarried += s.affected;
    cvesBuilt += s.relevance?.built ?? 0;
    highCritical += s.bySeverity.high + s.bySeverity.critical;
    if (s.daysBehind !== null && (furthest === null || s.daysBehind > furthest.days))
      furthest = { product: r.product.name, days: s.daysBehind };
    branches.set(s.branch, (branches.get(s.branch) ?? 0) + 1);
  }
  return {
    products: rows.length,
    scanned,
    behind,
    cvesCarried,
    cvesBuilt,
    highCritical,
    supportWarnings: rows.filter((r) => r.support.warning !== null).length,
    furthestBehind: furthest,
    branches: [...branches]
      .map(([branch, products]) => ({ branch, products }))
      .sort((a, b) => (a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0)),
  };
}
