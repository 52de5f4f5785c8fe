import type { PlanCve, PlanReport } from '../../analysis/plan/plan-report.js';
import { html } from '../html/html.js';
import { num, renderHtmlTable } from '../html/html-table.js';
import { renderHtmlPage } from '../html/render-html-page.js';
import { earlierGatesHeading, earlierGatesHtml } from './earlier-gates-html.js';
import { CVE_HEADER, conflictLines, cveRow, PATCH_HEADER, patchRow, planSummaryLines, short } from './plan-view.js';

const cveTable = (cves: readonly PlanCve[]) =>
  cves.length ? renderHtmlTable(CVE_HEADER, cves.map(cveRow)) : html`<p>None.</p>`;

/** A self-contained HTML page of the record: every list in full (the closed and open CVEs folded). */
export function renderPlanHtml(r: PlanReport): string {
  const summary = html`<p><strong>${r.verdict}</strong></p>\n<ul>${planSummaryLines(r).map((l) => html`<li>${l}</li>`)}</ul>`;
  const conflicts = r.vendorPatches.filter((p) => p.conflicts.length > 0);
  const sections = [
    { heading: 'Summary', body: summary },
    {
      heading: `Vendor patches (${r.vendorPatches.length})`,
      body: renderHtmlTable(PATCH_HEADER, r.vendorPatches.map(patchRow)),
    },
    {
      heading: `Conflicts (${conflicts.length})`,
      body: conflicts.length
        ? html`<ul>${conflicts.map((p) => html`<li><code>${short(p.commit)}</code> ${p.subject}<ul>${conflictLines(p).map((l) => html`<li>${l}</li>`)}</ul></li>`)}</ul>`
        : html`<p>None.</p>`,
    },
    {
      heading: 'Stable fixes by subsystem',
      body: renderHtmlTable(
        ['Subsystem', 'Commits', 'With a CVE'],
        r.stableFixes.bySubsystem.map((s) => [s.subsystem, num(s.total), num(s.withCve)]),
      ),
    },
    { heading: `CVEs introduced (${r.cves.introduced.length})`, body: cveTable(r.cves.introduced) },
    {
      heading: 'CVEs closed and still open',
      body: html`<details><summary>Closed (${r.cves.closed.length})</summary>${cveTable(r.cves.closed)}</details>
<details><summary>Still open (${r.cves.stillOpen.length})</summary>${cveTable(r.cves.stillOpen)}</details>`,
    },
    {
      heading: 'Hardening',
      body: r.hardening
        ? renderHtmlTable(
            ['Change', 'Option', 'Detail'],
            [
              ...r.hardening.changes.map((c) => [c.kind, c.option, `${c.from} → ${c.to}`]),
              ...r.hardening.gained.map((g) => ['gained', g.option, `since ${g.since}`]),
              ...r.hardening.laterGain.map((g) => ['needs a newer branch', g.option, `since ${g.since}`]),
            ],
          )
        : html`<p>No config given.</p>`,
    },
    {
      heading: 'Test plan',
      body: html`<ol>${r.testPlan.map((s) => html`<li>${s.purpose}<br><code>${s.command}</code></li>`)}</ol>`,
    },
    ...(r.earlierGates
      ? [{ heading: earlierGatesHeading(r.earlierGates), body: earlierGatesHtml(r.earlierGates) }]
      : []),
  ];
  return renderHtmlPage({ title: `kgap plan: ${r.from.version} → ${r.to.version}`, sections });
}
