import type { PlanReport } from '../../analysis/plan/plan-report.js';
import { renderMarkdownTable } from '../text/markdown.js';
import {
  CVE_HEADER,
  conflictLines,
  cveRow,
  notableCves,
  PATCH_HEADER,
  patchRow,
  planSummaryLines,
  short,
} from './plan-view.js';

const fence = (text: string) => `\`${text.replaceAll('`', "'")}\``;

/** Markdown (a merge-request description for the update): verdict, summary, every patch, conflicts, test plan. */
export function renderPlanMarkdown(r: PlanReport): string {
  const parts = [
    `# kgap plan: ${r.from.version} → ${r.to.version}`,
    `**${r.verdict}**`,
    planSummaryLines(r)
      .map((l) => `- ${l.trim()}`)
      .join('\n'),
  ];
  const subsystems = r.stableFixes.bySubsystem.map((s) => [s.subsystem, String(s.total), String(s.withCve)]);
  if (subsystems.length)
    parts.push(
      `## Stable fixes by subsystem\n\n${renderMarkdownTable(['Subsystem', 'Commits', 'With a CVE'], subsystems)}`,
    );
  parts.push(
    `## Vendor patches (${r.vendorPatches.length})\n\n${r.vendorPatches.length ? renderMarkdownTable(PATCH_HEADER, r.vendorPatches.map(patchRow)) : '_None._'}`,
  );
  const conflicts = r.vendorPatches.filter((p) => p.conflicts.length > 0);
  if (conflicts.length) {
    const items = conflicts.flatMap((p) => [
      `- ${fence(short(p.commit))} ${p.subject}`,
      ...conflictLines(p).map((l) => `  - ${l}`),
    ]);
    parts.push(`## Conflicts\n\n${items.join('\n')}`);
  }
  for (const list of notableCves(r)) {
    const body = list.cves.length ? renderMarkdownTable(CVE_HEADER, list.cves.map(cveRow)) : '_None._';
    parts.push(`## ${list.title} (${list.cves.length})\n\n${body}`);
  }
  if (r.hardening) {
    const rows = [
      ...r.hardening.changes.map((c) => [c.kind, c.option, `${c.from} → ${c.to}`]),
      ...r.hardening.gained.map((g) => ['gained', g.option, `since ${g.since}`]),
    ];
    parts.push(
      `## Hardening\n\n${rows.length ? renderMarkdownTable(['Change', 'Option', 'Detail'], rows) : '_No check changes between the two releases._'}`,
    );
  }
  const steps = r.testPlan.map((s, i) => `${i + 1}. ${s.purpose}\n\n   \`\`\`sh\n   ${s.command}\n   \`\`\``);
  parts.push(`## Test plan\n\n${steps.join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}
