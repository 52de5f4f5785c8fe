import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { renderMarkdownChart } from '../chart/svg-data-uri.js';
import { escapeMarkdownCell, renderMarkdownTable } from '../text/markdown.js';
import { renderExposureCurveChart } from './exposure-curve-chart.js';
import * as view from './exposure-curve-view.js';

/** Markdown report; the curve is an inline `data:image/svg+xml` image (one self-contained document). */
export function renderExposureCurveMarkdown(report: ExposureCurveReport): string {
  return [
    `# kgap exposure: Linux ${report.branch} as of ${report.asOf}`,
    '',
    ...view.exposureSentences(report).map((l) => `- ${escapeMarkdownCell(l)}`),
    '',
    renderMarkdownChart('Exposure curve', renderExposureCurveChart(report)),
    '',
    '## How old can we be',
    '',
    renderMarkdownTable(view.AGE_HEADER, view.ageRows(report)),
    '',
    '## Fixed upstream, never backported',
    '',
    renderMarkdownTable(view.BACKPORT_HEADER, view.backportRows(report)),
    '',
    `## Every ${report.branch} release`,
    '',
    renderMarkdownTable(view.CURVE_HEADER, view.curveRows(report)),
    '',
  ].join('\n');
}
