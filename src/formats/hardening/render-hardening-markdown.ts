import type { HardeningDiff } from '../../analysis/hardening/compare-hardening.js';
import type { HardeningReport } from '../../analysis/hardening/hardening-report.js';
import { gainByVersion, headline, type ShowMode, shownChecks, statusText } from './hardening-view.js';

/** Escapes the characters that break a Markdown table cell. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function reportMarkdown(report: HardeningReport, show: ShowMode): string {
  const out = [
    `## ${mdCell(headline(report))}`,
    '',
    '| group | score | ok | fail | waived | n/a | unknown |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of report.scores) {
    out.push(
      `| ${s.group} | ${s.score === null ? '-' : `${s.score.toFixed(1)}%`} | ${s.ok} | ${s.fail} | ${s.waived} | ${s.notApplicable} | ${s.unknown} |`,
    );
  }
  const checks = shownChecks(report, show);
  out.push('', `### Checks (${show})`, '');
  if (checks.length === 0) out.push(`No checks with status ${show}.`);
  else {
    out.push('| status | type | option | desired | actual | note |', '|---|---|---|---|---|---|');
    for (const c of checks) {
      out.push(
        `| ${statusText(c)} | ${c.type} | \`${mdCell(c.option)}\` | ${mdCell(c.desired)} | ${mdCell(c.actual ?? '-')} | ${mdCell(c.detail ?? '')} |`,
      );
    }
  }
  const groups = gainByVersion(report.upgradeGain);
  out.push('', `### Upgrade gain${report.latestRelease ? ` (up to ${report.latestRelease})` : ''}`, '');
  if (groups.length === 0) out.push('Nothing: every defence in the checklist exists in this kernel.');
  for (const g of groups)
    out.push(`- **${g.since}**${g.date ? ` (${g.date})` : ''}: ${g.items.map((i) => `\`${i.id}\``).join(', ')}`);
  return out.join('\n');
}

/** Markdown for a PR comment or a report. */
export function renderHardeningMarkdown(reports: readonly HardeningReport[], show: ShowMode): string {
  return `# Hardening\n\n${reports.map((r) => reportMarkdown(r, show)).join('\n\n')}\n`;
}

/** `--against` as Markdown. */
export function renderHardeningDiffMarkdown(diff: HardeningDiff): string {
  const c = diff.counts;
  const out = [
    `# Hardening diff`,
    '',
    `\`${mdCell(diff.from)}\` -> \`${mdCell(diff.to)}\`: ${c.regress} regress, ${c.improve} improve, ${c.appear} appear, ${c.disappear} disappear`,
    '',
  ];
  if (diff.changes.length) {
    out.push('| change | type | option | status | value |', '|---|---|---|---|---|');
    for (const ch of diff.changes)
      out.push(
        `| ${ch.kind} | ${ch.type} | \`${mdCell(ch.option)}\` | ${ch.from} -> ${ch.to} | ${mdCell(ch.fromValue ?? '-')} -> ${mdCell(ch.toValue ?? '-')} |`,
      );
  }
  return `${out.join('\n')}\n`;
}
