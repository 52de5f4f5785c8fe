import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { renderMarkdownChart } from '../chart/svg-data-uri.js';
import { renderMarkdownTable } from '../text/markdown.js';
import { renderExposureCurveChart } from './exposure-curve-chart.js';
import {
  AGE_HEADER,
  ageRows,
  BACKPORT_HEADER,
  backportRows,
  CURVE_HEADER,
  curveRows,
  exposureSentences,
} from './exposure-curve-view.js';

/** Markdown report; the curve is an inline `data:image/svg+xml` image (one self-contained document). */
export function renderExposureCurveMarkdown(report: ExposureCurveReport): string {
  return [
    `# kgap exposure: Linux ${report.branch} as of ${report.asOf}`,
    '',
    ...exposureSentences(report).map((l) => `- ${l}`),
    '',
    renderMarkdownChart('Exposure curve', renderExposureCurveChart(report)),
    '',
    '## How old can we be',
    '',
    renderMarkdownTable(AGE_HEADER, ageRows(report)),
    '',
    '## Fixed upstream, never backported',
    '',
    renderMarkdownTable(BACKPORT_HEADER, backportRows(report)),
    '',
    `## Every ${report.branch} release`,
    '',
    renderMarkdownTable(CURVE_HEADER, curveRows(report)),
    '',
  ].join('\n');
}
