/** The CVE page and `kgap fleet cve`: one CVE across the fleet, given each product's config and tree. */
import { requireCveId } from '../../domain/cve-id.js';
import type { FleetStore } from '../../domain/fleet-store.js';
import type { CveAcrossFleet } from '../../domain/fleet-view.js';

/** Which products carry the CVE, given their configs and trees (their latest scans). */
export async function runFleetCve(input: {
  readonly store: FleetStore;
  readonly cveId: string;
}): Promise<CveAcrossFleet> {
  const cveId = requireCveId('cveId', input.cveId);
  const [products, scans, hits] = await Promise.all([
    input.store.listProducts(),
    input.store.latestScans(),
    input.store.cveExposure(cveId),
  ]);
  const byId = new Map(products.map((p) => [p.id, p]));
  const scanById = new Map(scans.map((s) => [s.id, s]));
  const exposedIds = new Set(hits.map((h) => h.productId));
  const scanned = new Set(scans.map((s) => s.productId));
  const exposed = hits
    .flatMap((h) => {
      const product = byId.get(h.productId);
      const scan = scanById.get(h.scanId);
      return product && scan ? [{ product, scan, finding: h.finding }] : [];
    })
    .sort((a, b) => (a.product.name < b.product.name ? -1 : 1));
  return {
    cveId,
    exposed,
    notExposed: products.filter((p) => scanned.has(p.id) && !exposedIds.has(p.id)),
    unscanned: products.filter((p) => !scanned.has(p.id)),
  };
}
