import type { ProductDetail, ProductHistory } from '../../domain/fleet-view.js';
import { truncate } from '../text/text-table.js';
import {
  behindCell,
  dash,
  describeKernel,
  evidenceCell,
  findingJson,
  planCell,
  planJson,
  productJson,
  SCAN_HEADER,
  scanCells,
  scanJson,
  scoreCell,
} from './fleet-cells.js';
import { tabularRenderers } from './tabular-report.js';

/** A product detail with how many findings to list. */
export type ShownProduct = { readonly detail: ProductDetail; readonly limit: number | null };

function leadOf({ detail: d, limit }: ShownProduct): string[] {
  const p = d.product;
  const lines = [`Product ${p.name}: ${describeKernel(p.kernel)}`];
  if (p.config)
    lines.push(
      `Config: ${p.config}${p.source ? `; source: ${p.source}` : ''}${p.buildDir ? `; build: ${p.buildDir}` : ''}`,
    );
  if (p.supportUntil || d.support.branchEol)
    lines.push(
      `Support until: ${dash(p.supportUntil)}; branch end of life: ${dash(d.support.branchEol)}${d.support.projected ? ' (projected)' : ''}`,
    );
  if (d.support.warning) lines.push(`Warning: ${d.support.warning}`);
  if (d.plan) lines.push(`Update plan ${d.plan.id} at ${d.plan.plannedAt}: ${planCell(d.plan)}; ${d.plan.verdict}`);
  const s = d.scan;
  if (!s) return [...lines, 'Not scanned yet (kgap fleet scan).'];
  const sum = s.summary;
  lines.push(
    `Scan ${s.id} at ${s.scannedAt}: kernel ${sum.version} on ${sum.branch}, latest ${dash(sum.branchLatest)}; behind ${behindCell(s)}`,
    `CVEs carried: ${sum.affected} (fixed by a newer release ${sum.fixedByNewerRelease}, no fix on the branch ${sum.noFixOnBranch}); critical ${sum.bySeverity.critical}, high ${sum.bySeverity.high}`,
  );
  if (sum.relevance)
    lines.push(
      `In code the config builds: ${sum.relevance.built}; not built: ${sum.relevance.notBuilt}; unknown: ${sum.relevance.unknown}`,
    );
  lines.push(`Vulnerability-days: ${sum.vulnerabilityDays}; hardening: ${scoreCell(s)}`);
  lines.push(
    `Data: vulns ${s.snapshot.vulnsCommit.slice(0, 12)} (${s.snapshot.vulnsCommitDate.slice(0, 10)}); releases as of ${dash(s.snapshot.releasesAsOf)}`,
  );
  if (limit !== null && d.findings.length > limit) lines.push(`Showing ${limit} of ${d.findings.length} findings`);
  return lines;
}

const shown = ({ detail, limit }: ShownProduct) => (limit === null ? detail.findings : detail.findings.slice(0, limit));

/** `kgap fleet show NAME`: the product, its latest scan and its findings, most severe first. */
export const fleetShowRenderers = tabularRenderers<ShownProduct>({
  lead: leadOf,
  header: ['ID', 'CVSS', 'FIXED-ON-BRANCH', 'BUILT', 'EVIDENCE', 'TITLE'],
  rows: (r) =>
    shown(r).map((f) => [
      f.id,
      dash(f.cvss?.toFixed(1)),
      dash(f.fixedOnBranch),
      f.relevance ? f.relevance.status : '-',
      truncate(evidenceCell(f), 70),
      truncate(f.title, 70),
    ]),
  json: (r) => ({
    product: productJson(r.detail.product),
    support: r.detail.support,
    latestScan: r.detail.scan ? scanJson(r.detail.scan) : null,
    plan: r.detail.plan ? planJson(r.detail.plan) : null,
    findings: shown(r).map(findingJson),
  }),
});

/** `kgap fleet history NAME`: every scan of the product, oldest first. */
export const fleetHistoryRenderers = tabularRenderers<ProductHistory>({
  lead: (h) => [`History of ${h.product.name}: ${h.scans.length} scans`],
  header: ['SCAN', 'SCANNED AT', 'VULNS DATA', ...SCAN_HEADER, 'VULN-DAYS', 'HARDENING'],
  rows: (h) =>
    h.scans.map((s) => [
      String(s.id),
      s.scannedAt.slice(0, 19),
      `${s.snapshot.vulnsCommit.slice(0, 12)} ${s.snapshot.vulnsCommitDate.slice(0, 10)}`,
      ...scanCells(s, h.product.kernel),
      String(s.summary.vulnerabilityDays),
      scoreCell(s),
    ]),
  json: (h) => ({ product: productJson(h.product), scans: h.scans.map(scanJson) }),
});
