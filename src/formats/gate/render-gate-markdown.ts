import type { TestChange } from '../../domain/gate-assessment.js';
import type { GateView } from '../../domain/gate-view.js';
import { escapeMarkdownCell, type MarkdownCell, markdownCode, renderMarkdownTable } from '../text/markdown.js';
import { truncate } from '../text/text-table.js';

/** Long lists are cut in a PR comment; the JSON report has everything. */
const MAX_ROWS = 50;

function section(title: string, header: readonly string[], rows: readonly (readonly MarkdownCell[])[]): string[] {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, MAX_ROWS);
  const more = rows.length > MAX_ROWS ? [`\n… and ${rows.length - MAX_ROWS} more (see --format json)`] : [];
  return [`### ${title} (${rows.length})`, '', renderMarkdownTable(header, shown), ...more, ''];
}

// Test names and signatures as code spans: shown literally (`<script>` as written, not `&lt;script&gt;`).
const code = (text: string): MarkdownCell => ({ code: text });

function changeRows(list: readonly TestChange[]): MarkdownCell[][] {
  return list.map((c) => [
    code(c.test),
    c.baseline,
    c.candidate,
    truncate(
      [c.detail ?? '', c.knownIssue ? `known issue (expired ${c.knownIssue.expires}): ${c.knownIssue.reason}` : '']
        .filter(Boolean)
        .join('; '),
      160,
    ),
  ]);
}

/** Markdown for a pull-request comment: verdict, reasons, then one table per non-empty finding list. */
export function renderGateMarkdown(view: GateView): string {
  const a = view.assessment;
  const lines = [
    `## kgap gate: ${a.verdict === 'go' ? 'GO' : 'NO-GO'}`,
    '',
    `Baseline ${markdownCode(view.baselinePath)}: ${a.baseline.runs.length} run(s), ${a.baseline.tests} tests, ` +
      `${a.baseline.consoleLogs.length} console log(s). Candidate ${markdownCode(view.candidatePath)}: ` +
      `${a.candidate.runs.length} run(s), ${a.candidate.tests} tests, ${a.candidate.consoleLogs.length} console log(s).`,
    '',
    ...a.reasons.map((r) => `- ${escapeMarkdownCell(r)}`),
    '',
    ...section('Regressions', ['test', 'baseline', 'candidate', 'detail'], changeRows(a.regressions)),
    ...section(
      'New crash signatures',
      ['signature', 'count', 'first seen'],
      a.newCrashes.map((c) => [code(c.signature), String(c.count), `${c.source}:${c.line}`]),
    ),
    ...section(
      'Lost coverage',
      ['kind', 'test or run', 'detail'],
      a.lostCoverage.map((l) => [l.kind, code(l.test ?? l.run ?? ''), truncate(l.detail, 160)]),
    ),
    ...section('Flaky', ['test', 'baseline', 'candidate', 'detail'], changeRows(a.flaky)),
    ...section(
      'New or previously skipped tests failing',
      ['test', 'baseline', 'candidate', 'detail'],
      changeRows(a.newFailures),
    ),
    ...section('Fixes', ['test', 'baseline', 'candidate', 'detail'], changeRows(a.fixes)),
    ...section(
      'Excused by known issues',
      ['test', 'candidate', 'reason', 'expires'],
      a.expectedFailures.map((e) => [
        code(e.test),
        e.candidate,
        e.knownIssue?.reason ?? '',
        e.knownIssue?.expires ?? '',
      ]),
    ),
    `<sub>${a.counts.compared} tests compared, ${a.counts.unchangedPass} unchanged passes, ` +
      `${a.counts.stillFailing} still failing, ${a.newTests.length} new, ${a.removedTests.length} removed; as of ${a.asOf}.</sub>`,
  ];
  return `${lines.join('\n')}\n`;
}
