import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { formatNames } from '../format-names.js';
import { renderExposureCurveHtml } from './render-exposure-curve-html.js';
import { renderExposureCurveJson } from './render-exposure-curve-json.js';
import { renderExposureCurveMarkdown } from './render-exposure-curve-markdown.js';
import { renderExposureCurveTable } from './render-exposure-curve-table.js';

/** The exposure-curve renderers, one per output format. */
// biome-ignore format: the registry reads best as one line, format name to renderer
export const exposureCurveFormats = { table: renderExposureCurveTable, json: renderExposureCurveJson, markdown: renderExposureCurveMarkdown, html: renderExposureCurveHtml } satisfies Record<string, (report: ExposureCurveReport) => string>;

export type ExposureCurveFormat = keyof typeof exposureCurveFormats;
export const EXPOSURE_CURVE_FORMATS = formatNames(exposureCurveFormats);
