import type { FleetRow } from '../../domain/fleet-view.js';
import { dash, planCell, planJson, productJson, SCAN_HEADER, scanCells, scanJson, scoreCell } from './fleet-cells.js';
import { tabularRenderers } from './tabular-report.js';

const eolCell = (r: FleetRow) =>
  r.support.branchEol ? `${r.support.branchEol}${r.support.projected ? '*' : ''}` : '-';

/** `kgap fleet list`: the fleet table, one row per product (by name). */
export const fleetListRenderers = tabularRenderers<readonly FleetRow[]>({
  lead: (rows) => {
    const scanned = rows.filter((r) => r.scan !== null).length;
    const warned = rows.filter((r) => r.support.warning !== null).length;
    return [`Fleet: ${rows.length} products, ${scanned} scanned, ${warned} with a support warning`];
  },
  header: [
    'PRODUCT',
    'BRANCH',
    ...SCAN_HEADER,
    'HARDENING',
    'LAST SCAN',
    'UPDATE',
    'BRANCH EOL',
    'SUPPORT UNTIL',
    'WARNING',
  ],
  rows: (rows) =>
    rows.map((r) => [
      r.product.name,
      dash(r.scan?.summary.branch),
      ...scanCells(r.scan, r.product.kernel),
      scoreCell(r.scan),
      r.scan ? r.scan.scannedAt.slice(0, 10) : 'never',
      planCell(r.plan),
      eolCell(r),
      dash(r.product.supportUntil),
      r.support.warning ?? '',
    ]),
  tail: (rows) => (rows.some((r) => r.support.projected) ? ['* projected end of life (kernel.org)'] : []),
  json: (rows) => ({
    products: rows.map((r) => ({
      ...productJson(r.product),
      support: r.support,
      latestScan: r.scan ? scanJson(r.scan) : null,
      plan: r.plan ? planJson(r.plan) : null,
    })),
  }),
});
