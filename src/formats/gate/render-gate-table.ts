import type { GateView } from '../../domain/gate-view.js';
import { printableLine } from '../text/printable.js';
import { renderTextTable, truncate } from '../text/text-table.js';

/** Plain text for a terminal: verdict, reasons, one row per finding (blocking kinds first). */
export function renderGateTable(view: GateView): string {
  const a = view.assessment;
  const rows: string[][] = [
    ...a.regressions.map((r) => {
      const expired = r.knownIssue ? `known issue expired ${r.knownIssue.expires}` : '';
      return ['regression', r.test, `${r.baseline} -> ${r.candidate}`, [r.detail, expired].filter(Boolean).join('; ')];
    }),
    ...a.newCrashes.map((c) => ['new crash', c.signature, `${c.count}x`, `${c.source}:${c.line}`]),
    ...a.lostCoverage.map((l) => ['lost coverage', l.test ?? l.run ?? '', l.kind, l.detail]),
    ...a.flaky.map((f) => ['flaky', f.test, `${f.baseline} -> ${f.candidate}`, f.side]),
    ...a.newFailures.map((f) => ['new failure', f.test, `${f.baseline} -> ${f.candidate}`, f.detail ?? '']),
    ...a.fixes.map((f) => ['fix', f.test, `${f.baseline} -> ${f.candidate}`, '']),
    ...a.expectedFailures.map((e) => ['known issue', e.test, e.candidate, e.knownIssue?.reason ?? '']),
  ].map((r) => r.map((cell, i) => truncate(cell, i === 1 ? 72 : 100)));
  const head = [
    `verdict: ${a.verdict}`,
    `baseline:  ${view.baselinePath} (${a.baseline.runs.length} run(s), ${a.baseline.tests} tests)`,
    `candidate: ${view.candidatePath} (${a.candidate.runs.length} run(s), ${a.candidate.tests} tests)`,
    ...a.reasons.map((r) => `- ${printableLine(r)}`),
  ];
  const table = rows.length > 0 ? ['', renderTextTable(['finding', 'test', 'change', 'detail'], rows)] : [];
  return `${[...head, ...table].join('\n')}\n`;
}
