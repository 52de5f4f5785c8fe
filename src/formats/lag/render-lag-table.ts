import type { LagReport } from '../../analysis/lag/assess-lag.js';
import { renderTextTable } from '../text/text-table.js';
import { lagSentences, STATS_HEADER, shownBranches, statsCells, yearRows } from './lag-view.js';

/** Plain-text report for a terminal: the findings, then per-year and per-branch tables (lags in days). */
export function renderLagTable(report: LagReport): string {
  const years = renderTextTable(
    ['published', ...STATS_HEADER],
    yearRows(report, 'mainline').map(([label, s]) => [label, ...statsCells(s)]),
  );
  const branches = renderTextTable(
    ['branch', ...STATS_HEADER],
    shownBranches(report).map((b) => [b.branch, ...statsCells(b)]),
  );
  return [
    'kgap lag: days from the first fix release to CVE publication',
    '',
    ...lagSentences(report),
    '',
    'By publication year (lag to the first fix release on any branch; "mainline": to the first mainline release):',
    years,
    '',
    'By stable branch (lag to the branch\'s first fix release; "fix only after": the fix reached the branch after publication):',
    branches,
    '',
  ].join('\n');
}
