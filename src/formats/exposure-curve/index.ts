import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { renderExposureCurveHtml } from './render-exposure-curve-html.js';
import { renderExposureCurveJson } from './render-exposure-curve-json.js';
import { renderExposureCurveMarkdown } from './render-exposure-curve-markdown.js';
import { renderExposureCurveTable } from './render-exposure-curve-table.js';

export const EXPOSURE_CURVE_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type ExposureCurveFormat = (typeof EXPOSURE_CURVE_FORMATS)[number];

/** The exposure-curve renderers, one per output format. */
export const exposureCurveFormats = {
  table: renderExposureCurveTable,
  json: renderExposureCurveJson,
  markdown: renderExposureCurveMarkdown,
  html: renderExposureCurveHtml,
} satisfies Record<ExposureCurveFormat, (report: ExposureCurveReport) => string>;
