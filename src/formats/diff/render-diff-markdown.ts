import type { DiffReport } from '../../analysis/diff/assess-diff.js';
import { escapeMarkdownCell, renderMarkdownTable } from '../text/markdown.js';
import { DIFF_CVE_HEADER, diffCveRow, diffLists, diffSummaryLines } from './diff-lines.js';

/** Markdown report (a PR comment for an update); `all` adds the fixed and still-open lists. */
export function renderDiffMarkdown(report: DiffReport, options: { all: boolean }): string {
  const summary = diffSummaryLines(report)
    .map((l) => `- ${escapeMarkdownCell(l.trim())}`)
    .join('\n');
  const parts = [`# kgap diff: ${report.from.version} → ${report.to.version}`, summary];
  const perRelease = report.stableCommits?.perRelease ?? [];
  if (perRelease.length) {
    const rows = perRelease.map((p) => [p.release, String(p.commits), String(p.withCve)]);
    parts.push(`## Stable commits per release\n\n${renderMarkdownTable(['Release', 'Commits', 'With a CVE'], rows)}`);
  }
  for (const list of diffLists(report, options.all)) {
    const body = list.cves.length ? renderMarkdownTable(DIFF_CVE_HEADER, list.cves.map(diffCveRow)) : '_None._';
    parts.push(`## ${list.title} (${list.cves.length})\n\n${body}`);
  }
  return `${parts.join('\n\n')}\n`;
}
