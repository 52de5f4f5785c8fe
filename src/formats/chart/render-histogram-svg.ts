import { html, type SafeHtml } from '../html/html.js';
import { makeFrame, renderFrame, renderSvg, SERIES_COLORS, scaleX, scaleY } from './chart-frame.js';
import { formatNumber, numericAxis } from './chart-scale.js';

/** One bar: values in [from, to) and how many there are. */
export type HistogramBin = { readonly from: number; readonly to: number; readonly count: number };

export type Histogram = {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly bins: readonly HistogramBin[];
  /** Vertical reference lines, e.g. x = 0 or the median. */
  readonly markers?: readonly { readonly x: number; readonly label: string }[];
  readonly width?: number;
  readonly height?: number;
};

/** An SVG histogram of pre-binned counts (bin with `binValues`); each bar carries a tooltip with its range. */
export function renderHistogramSvg(chart: Histogram): SafeHtml {
  const froms = chart.bins.map((b) => b.from);
  const tos = chart.bins.map((b) => b.to);
  const x = numericAxis(froms.length ? Math.min(...froms) : 0, tos.length ? Math.max(...tos) : 1, 8);
  const y = numericAxis(0, Math.max(1, ...chart.bins.map((b) => b.count)), 5);
  const frame = makeFrame({ width: chart.width, height: chart.height });
  const f = (n: number) => formatNumber(n, 1);
  const color = SERIES_COLORS[0];
  const bars = chart.bins.map((b) => {
    const x0 = scaleX(frame, x, b.from);
    const x1 = scaleX(frame, x, b.to);
    const top = scaleY(frame, y, b.count);
    return html`<rect x="${f(x0 + 0.5)}" y="${f(top)}" width="${f(Math.max(0, x1 - x0 - 1))}" height="${f(frame.bottom - top)}" fill="${color}"><title>${f(b.from)} to ${f(b.to)}: ${b.count}</title></rect>\n`;
  });
  const markers = (chart.markers ?? []).map((m) => {
    const mx = f(scaleX(frame, x, m.x));
    return html`<line x1="${mx}" x2="${mx}" y1="${f(frame.top)}" y2="${f(frame.bottom)}" stroke="#d55e00" stroke-dasharray="4 3"/><text x="${mx}" y="${f(frame.top - 4)}" text-anchor="middle" fill="#d55e00">${m.label}</text>\n`;
  });
  const frameSvg = renderFrame(frame, { title: chart.title, xLabel: chart.xLabel, yLabel: chart.yLabel, x, y });
  return renderSvg(frame, chart.title, html`${frameSvg}${bars}${markers}`);
}

/**
 * Counts values into bins of `width` from `min` to `max`; values outside go into the first or last bin (so a long
 * tail shows as a taller edge bar instead of stretching the axis).
 */
export function binValues(
  values: readonly number[],
  range: { readonly min: number; readonly max: number; readonly width: number },
): HistogramBin[] {
  const n = Math.max(1, Math.ceil((range.max - range.min) / range.width));
  const bins: HistogramBin[] = Array.from({ length: n }, (_, i) => ({
    from: range.min + i * range.width,
    to: range.min + (i + 1) * range.width,
    count: 0,
  }));
  const counts = new Array<number>(n).fill(0);
  for (const v of values) {
    const i = Math.min(n - 1, Math.max(0, Math.floor((v - range.min) / range.width)));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return bins.map((b, i) => ({ ...b, count: counts[i] ?? 0 }));
}
