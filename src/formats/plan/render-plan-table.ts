import type { PlanReport } from '../../analysis/plan/plan-report.js';
import { renderTextTable, truncate } from '../text/text-table.js';
import { earlierGatesHeading, gateLine } from './earlier-gates.js';
import * as view from './plan-view.js';

/**
 * Plain text for a terminal: the verdict, the summary, every patch that is not a clean carry-over (with its
 * conflicts), the CVEs with a condition, the test plan. JSON lists everything.
 */
export function renderPlanTable(r: PlanReport): string {
  const parts = [`kgap plan: ${r.verdict}`, view.planSummaryLines(r).join('\n')];
  const notable = r.vendorPatches.filter((p) => p.fate !== 'clean');
  if (notable.length) {
    const rows = notable.map((p) => {
      const row = view.patchRow(p);
      row[2] = truncate(row[2] ?? '', 60);
      row[3] = truncate(row[3] ?? '', 110);
      return row;
    });
    parts.push(
      `Vendor patches that do not carry over as they are: ${notable.length}\n${renderTextTable(view.PATCH_HEADER, rows)}`,
    );
  }
  const conflicts = r.vendorPatches.filter((p) => p.conflicts.length > 0);
  if (conflicts.length) {
    const lines = conflicts.flatMap((p) => [
      `${view.short(p.commit)} ${p.subject}`,
      ...view.conflictLines(p).map((l) => `  ${l}`),
    ]);
    parts.push(`Conflicts:\n${lines.join('\n')}`);
  }
  for (const list of view.notableCves(r)) {
    if (list.cves.length === 0) continue;
    const rows = list.cves.map((c) => {
      const row = view.cveRow(c);
      row[4] = truncate(row[4] ?? '', 60);
      return row;
    });
    parts.push(`${list.title}: ${list.cves.length}\n${renderTextTable(view.CVE_HEADER, rows)}`);
  }
  if (r.hardening && (r.hardening.changes.length || r.hardening.gained.length)) {
    const rows = [
      ...r.hardening.changes.map((c) => [c.kind, c.option, `${c.from} -> ${c.to}`]),
      ...r.hardening.gained.map((g) => ['gained', g.option, `since ${g.since}`]),
    ];
    parts.push(`Hardening:\n${renderTextTable(['CHANGE', 'OPTION', 'DETAIL'], rows)}`);
  }
  parts.push(`Test plan:\n${r.testPlan.map((s, i) => `  ${i + 1}. ${s.purpose}\n     $ ${s.command}`).join('\n')}`);
  if (r.earlierGates) {
    const gates = r.earlierGates.flatMap((g) => [`  ${gateLine(g)}`, ...g.reasons.map((x) => `    ${x}`)]);
    parts.push([`${earlierGatesHeading(r.earlierGates)}:`, ...gates].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
