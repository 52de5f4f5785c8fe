import type { Product } from '../../domain/fleet-product.js';
import type { EnqueueReport, FleetScanReport } from '../../domain/fleet-view.js';
import { dash, describeKernel, productJson } from './fleet-cells.js';
import { tabularRenderers } from './tabular-report.js';

/** `kgap fleet scan`: one row per product scanned, then the failures and the notifications. */
export const fleetScanRenderers = tabularRenderers<FleetScanReport>({
  lead: (r) => [`Scanned ${r.scanned.length} products${r.failed.length ? `, ${r.failed.length} failed` : ''}`],
  header: ['PRODUCT', 'SCAN', 'VERSION', 'LATEST', 'BEHIND', 'CVES', 'BUILT', 'HIGH/CRIT', 'VULN-DAYS', 'EVENTS'],
  rows: (r) =>
    r.scanned.map((s) => [
      s.product,
      String(s.scanId),
      s.summary.version,
      dash(s.summary.branchLatest),
      dash(s.summary.releasesBehind),
      String(s.summary.affected),
      dash(s.summary.relevance?.built),
      String(s.summary.bySeverity.high + s.summary.bySeverity.critical),
      String(s.summary.vulnerabilityDays),
      s.events.join(', ') || '-',
    ]),
  tail: (r) => [
    ...r.failed.map((f) => `failed: ${f.product}: ${f.error}`),
    ...(r.deliveries ? [`notifications: ${r.deliveries.delivered} delivered, ${r.deliveries.failed} failed`] : []),
  ],
  json: (r) => ({ scanned: r.scanned, failed: r.failed, deliveries: r.deliveries }),
});

/** `kgap fleet scan --queue`: the jobs enqueued. */
export const fleetEnqueueRenderers = tabularRenderers<EnqueueReport>({
  lead: (r) => [`Enqueued ${r.jobs.length} scan jobs on queue ${r.queue} (kgap worker takes them)`],
  header: ['PRODUCT', 'JOB'],
  rows: (r) => r.jobs.map((j) => [j.product, j.jobId]),
  json: (r) => ({ queue: r.queue, jobs: r.jobs }),
});

/** `kgap fleet add` / `remove`: the product concerned. */
export const fleetProductRenderers = tabularRenderers<{
  readonly action: 'added' | 'removed';
  readonly product: Product;
}>({
  lead: (r) => [`${r.action === 'added' ? 'Added' : 'Removed'} ${r.product.name}`],
  header: ['PRODUCT', 'KERNEL', 'CONFIG', 'SOURCE', 'BUILD DIR', 'ARCH', 'SUPPORT UNTIL'],
  rows: (r) => [
    [
      r.product.name,
      describeKernel(r.product.kernel),
      dash(r.product.config),
      dash(r.product.source),
      dash(r.product.buildDir),
      dash(r.product.arch),
      dash(r.product.supportUntil),
    ],
  ],
  json: (r) => ({ action: r.action, product: productJson(r.product) }),
});
