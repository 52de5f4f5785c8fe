import type { CveAcrossFleet } from '../../domain/fleet-view.js';
import { truncate } from '../text/text-table.js';
import { dash, evidenceCell, findingJson, productJson } from './fleet-cells.js';
import { tabularRenderers } from './tabular-report.js';

/** `kgap fleet cve ID` and the CVE page: which products carry the CVE, with the evidence for each. */
export const fleetCveRenderers = tabularRenderers<CveAcrossFleet>({
  lead: (c) => {
    const f = c.exposed[0]?.finding;
    const lines = [`${c.cveId}${f ? `: ${f.title}` : ''}`];
    const built = c.exposed.filter((e) => e.finding.relevance?.status === 'built').length;
    lines.push(
      `Exposed: ${c.exposed.length} products (${built} build the code); not exposed: ${c.notExposed.length}; never scanned: ${c.unscanned.length}`,
    );
    return lines;
  },
  header: ['PRODUCT', 'VERSION', 'FIXED-ON-BRANCH', 'BUILT', 'EVIDENCE'],
  rows: (c) =>
    c.exposed.map((e) => [
      e.product.name,
      e.scan.summary.version,
      dash(e.finding.fixedOnBranch),
      e.finding.relevance ? e.finding.relevance.status : '-',
      truncate(evidenceCell(e.finding), 90),
    ]),
  json: (c) => ({
    cveId: c.cveId,
    exposed: c.exposed.map((e) => ({
      product: productJson(e.product),
      scanId: e.scan.id,
      version: e.scan.summary.version,
      finding: findingJson(e.finding),
    })),
    notExposed: c.notExposed.map((p) => p.name),
    unscanned: c.unscanned.map((p) => p.name),
  }),
});
