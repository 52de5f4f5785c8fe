import type { FleetSummary } from '../../analysis/fleet/assess-fleet-summary.js';
import type { FleetRow } from '../../domain/fleet-view.js';
import { highCritical, planCell } from '../fleet/fleet-cells.js';
import { html } from '../html/html.js';
import { type DashCell, renderDashboardPage, renderSortableTable } from './dashboard-layout.js';

const n = (v: number | null | undefined): DashCell =>
  v === null || v === undefined ? { text: '-', sort: -1, cls: 'num' } : { text: String(v), sort: v, cls: 'num' };

function row(r: FleetRow) {
  const s = r.scan?.summary ?? null;
  const link = html`<a href="/products/${encodeURIComponent(r.product.name)}">${r.product.name}</a>`;
  const version = s?.version ?? (r.product.kernel.kind === 'version' ? r.product.kernel.version : 'tree');
  const behind = s === null || s.releasesBehind === null ? '-' : `${s.releasesBehind} / ${s.daysBehind ?? '-'} d`;
  const eol = r.support.branchEol ? `${r.support.branchEol}${r.support.projected ? ' (projected)' : ''}` : '-';
  const score = r.scan?.hardening?.score ?? null;
  const cells: DashCell[] = [
    { text: link, sort: r.product.name },
    { text: s?.branch ?? '-' },
    { text: version },
    { text: behind, sort: s?.daysBehind ?? -1, cls: 'num' },
    n(s?.affected),
    n(s?.relevance?.built),
    n(r.scan ? highCritical(r.scan) : null),
    score === null ? { text: '-', sort: -1, cls: 'num' } : { text: `${score.toFixed(1)}%`, sort: score, cls: 'num' },
    { text: r.scan ? r.scan.scannedAt.slice(0, 16).replace('T', ' ') : 'never' },
    { text: planCell(r.plan), sort: r.plan?.fates ? r.plan.fates.conflict : r.plan ? -1 : -2 },
    { text: eol },
    { text: r.product.supportUntil ?? '-' },
    { text: r.support.warning ?? '', cls: r.support.warning ? 'warn' : '' },
  ];
  return r.support.warning ? { cells, cls: 'warn' } : { cells };
}

/** The fleet page: the summary and one row per product. Pure. */
export function renderFleetPage(rows: readonly FleetRow[], summary: FleetSummary): string {
  const furthest = summary.furthestBehind
    ? `${summary.furthestBehind.product} (${summary.furthestBehind.days} days)`
    : '-';
  const body = html`<p>${summary.products} products (${summary.scanned} scanned) on ${summary.branches.length} branches; ${summary.behind} behind their branch's newest release; furthest behind: ${furthest}.<br>
CVEs carried: ${summary.cvesCarried} (in built code: ${summary.cvesBuilt}; high/critical: ${summary.highCritical}); support warnings: ${summary.supportWarnings}.</p>
${renderSortableTable({
  id: 'fleet',
  header: [
    'Product',
    'Branch',
    'Version',
    'Behind (releases / days)',
    'CVEs',
    'Built',
    'High/crit',
    'Hardening',
    'Last scan',
    'Update',
    'Branch EOL',
    'Support until',
    'Warning',
  ],
  rows: rows.map(row),
})}
<p class="muted">JSON: <a href="/api/v1/products">/api/v1/products</a> · API: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>`;
  return renderDashboardPage({ title: 'Fleet', body });
}
