import type { PlanReport } from '../../analysis/plan/plan-report.js';
import { escapeMarkdownCell, renderMarkdownTable } from '../text/markdown.js';
import { earlierGatesHeading, gateLine } from './earlier-gates.js';
import * as view from './plan-view.js';

const fence = (text: string) => `\`${text.replaceAll('`', "'")}\``;

/** Markdown (a merge-request description for the update): verdict, summary, every patch, conflicts, test plan. */
export function renderPlanMarkdown(r: PlanReport): string {
  const parts = [
    `# kgap plan: ${r.from.version} → ${r.to.version}`,
    `**${r.verdict}**`,
    view
      .planSummaryLines(r)
      .map((l) => `- ${escapeMarkdownCell(l.trim())}`)
      .join('\n'),
  ];
  const subsystems = r.stableFixes.bySubsystem.map((s) => [s.subsystem, String(s.total), String(s.withCve)]);
  if (subsystems.length)
    parts.push(
      `## Stable fixes by subsystem\n\n${renderMarkdownTable(['Subsystem', 'Commits', 'With a CVE'], subsystems)}`,
    );
  parts.push(
    `## Vendor patches (${r.vendorPatches.length})\n\n${r.vendorPatches.length ? renderMarkdownTable(view.PATCH_HEADER, r.vendorPatches.map(view.patchRow)) : '_None._'}`,
  );
  const conflicts = r.vendorPatches.filter((p) => p.conflicts.length > 0);
  if (conflicts.length) {
    // Commit subjects and paths come from the trees: escaped like every Markdown cell.
    const items = conflicts.flatMap((p) => [
      `- ${fence(view.short(p.commit))} ${escapeMarkdownCell(p.subject)}`,
      ...view.conflictLines(p).map((l) => `  - ${escapeMarkdownCell(l)}`),
    ]);
    parts.push(`## Conflicts\n\n${items.join('\n')}`);
  }
  for (const list of view.notableCves(r)) {
    const body = list.cves.length ? renderMarkdownTable(view.CVE_HEADER, list.cves.map(view.cveRow)) : '_None._';
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
  if (r.earlierGates) {
    // Labels and reasons (test names from lab results) are text from outside: escaped likewise.
    const gates = r.earlierGates.flatMap((g) => [
      `- ${escapeMarkdownCell(gateLine(g))}`,
      ...g.reasons.map((x) => `  - ${escapeMarkdownCell(x)}`),
    ]);
    parts.push([`## ${earlierGatesHeading(r.earlierGates)}`, ...(gates.length ? ['', ...gates] : [])].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
