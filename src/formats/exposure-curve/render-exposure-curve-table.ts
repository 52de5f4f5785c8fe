import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { renderTextTable } from '../text/text-table.js';
import * as view from './exposure-curve-view.js';

/** Plain-text report: findings, the "how old can we be" table, per-branch backport gaps, then every release. */
export function renderExposureCurveTable(report: ExposureCurveReport): string {
  return [
    `kgap exposure: Linux ${report.branch} releases as of ${report.asOf}`,
    '',
    ...view.exposureSentences(report),
    '',
    'How old can we be (the oldest release within each age):',
    renderTextTable(view.AGE_HEADER, view.ageRows(report)),
    '',
    'Fixed upstream, never backported (latest release of each maintained branch):',
    renderTextTable(view.BACKPORT_HEADER, view.backportRows(report)),
    '',
    `Every ${report.branch} release:`,
    renderTextTable(view.CURVE_HEADER, view.curveRows(report)),
    '',
  ].join('\n');
}
