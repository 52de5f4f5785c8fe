/** The product page's update plan: the stored `kgap plan` record, summarised for the page. */
import type { StoredPlan } from '../../domain/fleet-plan.js';
import type { Product } from '../../domain/fleet-product.js';
import { planCell } from '../fleet/fleet-cells.js';
import { planRecordOf } from '../fleet/render-fleet-plan.js';
import { html, type SafeHtml } from '../html/html.js';
import { conflictLines, countText, short } from '../plan/plan-view.js';
import { type DashCell, renderSortableTable } from './dashboard-layout.js';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The section: the verdict, the CVEs the move closes, brings and leaves open, the stable fixes it brings, and every
 * vendor patch with its fate and its conflicts. Pure.
 */
export function renderPlanSection(product: Product, plan: StoredPlan | null): SafeHtml {
  const name = encodeURIComponent(product.name);
  if (plan === null)
    return product.kernel.kind === 'tree'
      ? html`<p id="plan">Not planned yet: <code>kgap fleet plan ${product.name}</code>.</p>`
      : html`<p id="plan" class="muted">Registered by version: a plan needs the product's git tree.</p>`;
  const when = html`<span class="muted">planned ${plan.plannedAt.slice(0, 16).replace('T', ' ')} from ${plan.rev}${plan.revCommit ? ` (${short(plan.revCommit)})` : ''}</span>`;
  const record = planRecordOf(plan);
  if (record === null) return html`<p id="plan"><strong>${planCell(plan)}</strong>: ${plan.verdict}<br>${when}</p>`;
  const { counts } = record.cves;
  const s = record.stableFixes;
  const facts = html`<dl class="facts">
<dt>CVEs closed</dt><dd>${countText(counts.closed)}; already fixed by a vendor backport: ${n(record.cves.alreadyFixedByVendor.length)}</dd>
<dt>CVEs introduced</dt><dd>${countText(counts.introduced)}</dd>
<dt>CVEs still open</dt><dd>${countText(counts.stillOpen)}</dd>
<dt>Stable fixes</dt><dd>${n(s.total)} (with a CVE ${n(s.withCve)}, without ${n(s.withoutCve)}); most in ${s.bySubsystem
    .slice(0, 5)
    .map((x) => `${x.subsystem} ${n(x.total)}`)
    .join(', ')}</dd>
<dt>Vendor patches</dt><dd>${Object.entries(record.fates)
    .map(([fate, count]) => `${fate} ${n(count)}`)
    .join(', ')}</dd>
</dl>`;
  const patches = renderSortableTable({
    id: 'plan-patches',
    header: ['Fate', 'Commit', 'Subject', 'Evidence', 'Conflicts'],
    rows: record.vendorPatches.map((p) => ({
      cells: [
        { text: p.fate },
        { text: html`<code>${short(p.commit)}</code>`, sort: p.commit },
        { text: p.subject },
        {
          text: `${p.evidence.kind}: ${p.evidence.detail}${p.reapplies ? ` (the revert re-applies: ${p.reapplies})` : ''}`,
        },
        { text: p.conflicts.length ? html`${conflictLines(p).map((l, i) => html`${i ? html`<br>` : ''}${l}`)}` : '' },
      ] satisfies DashCell[],
    })),
  });
  return html`<p id="plan"><strong>${planCell(plan)}</strong>: ${record.verdict}<br>${when}</p>
${facts}
<h3>Vendor patches (${record.vendorPatches.length})</h3>
${patches}
<p class="muted">JSON: <a href="/api/v1/products/${name}/plan">/api/v1/products/${product.name}/plan</a></p>`;
}
