import type { EarlierGate } from '../../domain/fleet-gate.js';
import type { Scan } from '../../domain/fleet-scan.js';
import type { ProductDetail } from '../../domain/fleet-view.js';
import { type ChartPoint, renderLineChartSvg } from '../chart/render-line-chart-svg.js';
import { describeKernel, evidenceCell } from '../fleet/fleet-cells.js';
import { html, type SafeHtml } from '../html/html.js';
import { earlierGatesHtml } from '../plan/earlier-gates-html.js';
import { fixedOnBranchCell, renderDashboardPage, renderSortableTable } from './dashboard-layout.js';
import { renderPlanSection } from './render-plan-section.js';

/** The history charts: open CVEs and vulnerability-days per scan, by scan day (by scan number within a day). */
function historyCharts(scans: readonly Scan[]): SafeHtml {
  if (scans.length === 0) return html`<p>Not scanned yet.</p>`;
  const days = new Set(scans.map((s) => s.scannedAt.slice(0, 10)));
  const byDay = days.size === scans.length;
  const x = (s: Scan, i: number) => (byDay ? s.scannedAt.slice(0, 10) : i + 1);
  const series = (name: string, y: (s: Scan) => number) => ({
    name,
    points: scans.map((s, i): ChartPoint => ({ x: x(s, i), y: y(s) })),
  });
  const xLabel = byDay ? 'scan day' : 'scan';
  const open = [series('open CVEs', (s) => s.summary.affected)];
  if (scans.some((s) => s.summary.relevance))
    open.push(series('in built code', (s) => s.summary.relevance?.built ?? 0));
  return html`<figure>${renderLineChartSvg({ title: 'Open CVEs', xLabel, yLabel: 'CVEs', series: open, step: true, markers: true })}</figure>
<figure>${renderLineChartSvg({ title: 'Vulnerability-days', xLabel, yLabel: 'days', series: [series('vulnerability-days', (s) => s.summary.vulnerabilityDays)], step: true, markers: true })}</figure>`;
}

/**
 * A product's page: its facts, update plan, latest gate runs (newest first), history charts and the findings of its
 * latest scan with their evidence. Pure.
 */
export function renderProductPage(
  detail: ProductDetail,
  history: readonly Scan[],
  limit: number | null,
  gates: readonly EarlierGate[] = [],
): string {
  const p = detail.product;
  const s = detail.scan;
  const sum = s?.summary ?? null;
  const shown = limit === null ? detail.findings : detail.findings.slice(0, limit);
  const facts = html`<dl class="facts">
<dt>Kernel</dt><dd>${describeKernel(p.kernel)}${sum ? ` (branch ${sum.branch}, newest ${sum.branchLatest ?? '-'}; behind ${sum.releasesBehind ?? '-'} releases, ${sum.daysBehind ?? '-'} days)` : ''}</dd>
<dt>Config</dt><dd>${p.config ?? '-'}${p.source ? ` · source ${p.source}` : ''}${p.buildDir ? ` · build ${p.buildDir}` : ''}</dd>
<dt>Support until</dt><dd>${p.supportUntil ?? '-'}; branch end of life ${detail.support.branchEol ?? 'unknown'}${detail.support.projected ? ' (projected)' : ''}</dd>
${detail.support.warning ? html`<dt>Warning</dt><dd class="warn">${detail.support.warning}</dd>` : ''}
${
  sum && s
    ? html`<dt>CVEs carried</dt><dd>${sum.affected} (fixed by a newer release ${sum.fixedByNewerRelease}; no fix on the branch ${sum.noFixOnBranch}; critical ${sum.bySeverity.critical}, high ${sum.bySeverity.high})</dd>
${sum.relevance ? html`<dt>In built code</dt><dd>${sum.relevance.built} (not built ${sum.relevance.notBuilt}, unknown ${sum.relevance.unknown})</dd>` : ''}
<dt>Vulnerability-days</dt><dd>${sum.vulnerabilityDays}</dd>
<dt>Hardening</dt><dd>${s.hardening?.score == null ? '-' : `${s.hardening.score.toFixed(1)}% (${s.hardening.ok} ok, ${s.hardening.fail} fail)`}</dd>
<dt>Last scan</dt><dd>${s.scannedAt} · vulns ${s.snapshot.vulnsCommit.slice(0, 12)} (${s.snapshot.vulnsCommitDate.slice(0, 10)})</dd>`
    : html`<dt>Last scan</dt><dd>never</dd>`
}
</dl>`;
  const table = renderSortableTable({
    id: 'findings',
    header: ['CVE', 'CVSS', 'Fixed on branch', 'Rule', 'Built', 'Evidence', 'Title'],
    rows: shown.map((f) => ({
      cells: [
        { text: html`<a href="/cves/${f.id}">${f.id}</a>`, sort: f.id },
        { text: f.cvss === null ? '-' : f.cvss.toFixed(1), sort: f.cvss ?? -1, cls: 'num' },
        fixedOnBranchCell(f),
        { text: f.rule },
        { text: f.relevance?.status ?? '-' },
        { text: evidenceCell(f) },
        { text: f.title },
      ],
    })),
  });
  const more =
    shown.length < detail.findings.length
      ? html`<p>Showing ${shown.length} of ${detail.findings.length}, most severe first: <a href="?show=all">show all</a>.</p>`
      : '';
  const body = html`${facts}
<h2>Update plan</h2>
${renderPlanSection(p, detail.plan)}
<h2 id="gates">Gates${gates[0] ? `: latest ${gates[0].verdict}` : ''}</h2>
${earlierGatesHtml(gates)}
<h2>History</h2>
${historyCharts(history)}
<h2>Findings</h2>
${more}${table}
<p class="muted">JSON: <a href="/api/v1/products/${encodeURIComponent(p.name)}">/api/v1/products/${p.name}</a></p>`;
  return renderDashboardPage({ title: `Product ${p.name}`, body });
}
