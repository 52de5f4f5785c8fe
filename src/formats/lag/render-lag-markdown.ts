import type { LagReport } from '../../analysis/lag/assess-lag.js';
import { renderMarkdownChart } from '../chart/svg-data-uri.js';
import { escapeMarkdownCell, renderMarkdownTable } from '../text/markdown.js';
import { renderLagChart } from './lag-chart.js';
import { lagSentences, STATS_HEADER, shownBranches, statsCells, yearRows } from './lag-view.js';

/** Markdown report; the histogram is an inline `data:image/svg+xml` image (one self-contained document). */
export function renderLagMarkdown(report: LagReport): string {
  const years = renderMarkdownTable(
    ['Published', ...STATS_HEADER],
    yearRows(report, 'mainline fix').map(([label, s]) => [label, ...statsCells(s)]),
  );
  const branches = renderMarkdownTable(
    ['Branch', ...STATS_HEADER],
    shownBranches(report).map((b) => [b.branch, ...statsCells(b)]),
  );
  return [
    '# kgap lag: from fix release to CVE publication',
    '',
    ...lagSentences(report).map((l) => `- ${escapeMarkdownCell(l)}`),
    '',
    renderMarkdownChart('Lag histogram', renderLagChart(report)),
    '',
    '## By publication year',
    '',
    'Lag in days to the first release with the fix on any branch; "mainline fix": to the first mainline release.',
    '',
    years,
    '',
    '## By stable branch',
    '',
    'Lag to the branch\'s first fix release; "fix only after": the fix reached the branch after the CVE was public.',
    '',
    branches,
    '',
  ].join('\n');
}
