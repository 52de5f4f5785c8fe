import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { renderTextTable } from '../text/text-table.js';
import {
  AGE_HEADER,
  ageRows,
  BACKPORT_HEADER,
  backportRows,
  CURVE_HEADER,
  curveRows,
  exposureSentences,
} from './exposure-curve-view.js';

/** Plain-text report: findings, the "how old can we be" table, per-branch backport gaps, then every release. */
export function renderExposureCurveTable(report: ExposureCurveReport): string {
  return [
    `kgap exposure: Linux ${report.branch} releases as of ${report.asOf}`,
    '',
    ...exposureSentences(report),
    '',
    'How old can we be (the oldest release within each age):',
    renderTextTable(AGE_HEADER, ageRows(report)),
    '',
    'Fixed upstream, never backported (latest release of each maintained branch):',
    renderTextTable(BACKPORT_HEADER, backportRows(report)),
    '',
    `Every ${report.branch} release:`,
    renderTextTable(CURVE_HEADER, curveRows(report)),
    '',
  ].join('\n');
}
