import { html, type SafeHtml } from '../html/html.js';
import { SERIES_COLORS } from './chart-frame.js';
import { formatNumber, numericAxis } from './chart-scale.js';

/** One labelled bar; `color` picks from the shared palette by index. */
export type Bar = { readonly label: string; readonly count: number; readonly color?: string };

/**
 * A horizontal bar chart of labelled counts (categories such as releases or severities, in the order given):
 * one row per bar with its label on the left and its count at the end, so long labels never overlap.
 */
export function renderBarChartSvg(chart: {
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly width?: number;
}): SafeHtml {
  const width = chart.width ?? 720;
  const row = 20;
  const left = 170;
  const right = width - 60;
  const top = 36;
  const height = top + chart.bars.length * row + 30;
  const axis = numericAxis(0, Math.max(1, ...chart.bars.map((b) => b.count)), 5);
  const px = (n: number) => formatNumber(n, 1);
  const xOf = (v: number) => left + (v / (axis.max || 1)) * (right - left);
  const ticks = axis.ticks.map(
    (t) =>
      html`<line x1="${px(xOf(t.value))}" x2="${px(xOf(t.value))}" y1="${top - 4}" y2="${px(height - 26)}" stroke="#e5e5e5"/><text x="${px(xOf(t.value))}" y="${px(height - 12)}" text-anchor="middle">${t.label}</text>\n`,
  );
  const bars = chart.bars.map((b, i) => {
    const y = top + i * row;
    const color = b.color ?? SERIES_COLORS[0];
    return html`<text x="${left - 6}" y="${y + row / 2}" text-anchor="end" dominant-baseline="middle">${b.label}</text><rect x="${left}" y="${y + 3}" width="${px(Math.max(0, xOf(b.count) - left))}" height="${row - 6}" fill="${color}"><title>${b.label}: ${b.count}</title></rect><text x="${px(xOf(b.count) + 4)}" y="${y + row / 2}" dominant-baseline="middle">${b.count}</text>\n`;
  });
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" role="img">
<title>${chart.title}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${px(width / 2)}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${chart.title}</text>
${ticks}${bars}</svg>
`;
}
