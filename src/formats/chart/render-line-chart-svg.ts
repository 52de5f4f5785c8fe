import { dayNumber } from '../../domain/day.js';
import { html, type SafeHtml } from '../html/html.js';
import { makeFrame, renderFrame, renderSvg, SERIES_COLORS, scaleX, scaleY } from './chart-frame.js';
import { type Axis, dateAxis, formatNumber, numericAxis } from './chart-scale.js';

/** A point: x is a number or a YYYY-MM-DD date (all points of a chart use the same kind). */
export type ChartPoint = { readonly x: number | string; readonly y: number };
export type LineSeries = { readonly name: string; readonly points: readonly ChartPoint[] };

export type LineChart = {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  /** Draws each series as a step line (value holds until the next point): right for counts over time. */
  readonly step?: boolean;
  /** Draws a dot at each point (with its value as a tooltip): a series of one point is still seen. */
  readonly markers?: boolean;
  readonly width?: number;
  readonly height?: number;
};

function xValue(x: number | string): number {
  if (typeof x === 'number') return x;
  const day = dayNumber(x);
  if (Number.isNaN(day)) throw new Error(`chart x value "${x}" is neither a number nor a YYYY-MM-DD date`);
  return day;
}

/**
 * An SVG line chart (inline-embeddable, deterministic). The y axis starts at 0 unless a value is negative;
 * series are drawn in the order given, with a legend when there is more than one.
 */
export function renderLineChartSvg(chart: LineChart): SafeHtml {
  const points = chart.series.flatMap((s) => s.points);
  const dates = points.length > 0 && points.every((p) => typeof p.x === 'string');
  const xs = points.map((p) => xValue(p.x));
  const ys = points.map((p) => p.y);
  const xMin = xs.length ? Math.min(...xs) : 0;
  const xMax = xs.length ? Math.max(...xs) : 1;
  const x: Axis = dates ? dateAxis(xMin, xMax) : numericAxis(xMin, xMax);
  const y = numericAxis(Math.min(0, ...ys), ys.length ? Math.max(...ys) : 1, 5);
  const legend = chart.series.length > 1;
  const frame = makeFrame({ width: chart.width, height: chart.height, legend });
  const f = (n: number) => formatNumber(n, 1);

  const lines = chart.series.map((s, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length] ?? '#000';
    const sorted = [...s.points].map((p) => ({ x: xValue(p.x), y: p.y })).sort((a, b) => a.x - b.x);
    const coords: string[] = [];
    sorted.forEach((p, j) => {
      const px = f(scaleX(frame, x, p.x));
      const prev = sorted[j - 1];
      if (chart.step && prev) coords.push(`${px},${f(scaleY(frame, y, prev.y))}`);
      coords.push(`${px},${f(scaleY(frame, y, p.y))}`);
    });
    const key = legend
      ? html`<rect x="${f(frame.right + 12)}" y="${f(frame.top + i * 18)}" width="12" height="3" fill="${color}"/><text x="${f(frame.right + 30)}" y="${f(frame.top + i * 18 + 4)}">${s.name}</text>\n`
      : '';
    const dots = chart.markers
      ? sorted.map(
          (p) =>
            html`<circle cx="${f(scaleX(frame, x, p.x))}" cy="${f(scaleY(frame, y, p.y))}" r="3" fill="${color}"><title>${s.name}: ${formatNumber(p.y, 1)}</title></circle>`,
        )
      : '';
    return html`<polyline fill="none" stroke="${color}" stroke-width="2" points="${coords.join(' ')}"><title>${s.name}</title></polyline>${dots}\n${key}`;
  });
  const frameSvg = renderFrame(frame, { title: chart.title, xLabel: chart.xLabel, yLabel: chart.yLabel, x, y });
  return renderSvg(frame, chart.title, html`${frameSvg}${lines}`);
}
