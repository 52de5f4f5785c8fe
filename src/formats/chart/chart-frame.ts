import { html, type SafeHtml } from '../html/html.js';
import { type Axis, formatNumber } from './chart-scale.js';

/** Pixel layout shared by every chart: the plot area inside the SVG. */
export type Frame = {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
};

/** Colors for series, in order (color-blind-safe Okabe-Ito palette). */
export const SERIES_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'] as const;

/** The default frame: 720 x 360 px, room for axis labels and a legend column on the right when asked. */
export function makeFrame(options: { width?: number; height?: number; legend?: boolean }): Frame {
  const width = options.width ?? 720;
  const height = options.height ?? 360;
  return { width, height, left: 64, right: width - (options.legend ? 200 : 20), top: 36, bottom: height - 48 };
}

/** Maps a data value to a pixel coordinate on the x or y axis. */
export function scaleX(frame: Frame, axis: Axis, value: number): number {
  return frame.left + ((value - axis.min) / (axis.max - axis.min || 1)) * (frame.right - frame.left);
}
export function scaleY(frame: Frame, axis: Axis, value: number): number {
  return frame.bottom - ((value - axis.min) / (axis.max - axis.min || 1)) * (frame.bottom - frame.top);
}

const px = (n: number) => formatNumber(n, 1);

/** Title, grid lines, tick labels and axis titles. */
export function renderFrame(
  frame: Frame,
  options: { title: string; xLabel: string; yLabel: string; x: Axis; y: Axis },
): SafeHtml {
  const { x, y } = options;
  const midX = (frame.left + frame.right) / 2;
  const midY = (frame.top + frame.bottom) / 2;
  const yTicks = y.ticks.map((t) => {
    const py = px(scaleY(frame, y, t.value));
    return html`<line x1="${px(frame.left)}" x2="${px(frame.right)}" y1="${py}" y2="${py}" stroke="#e5e5e5"/><text x="${px(frame.left - 6)}" y="${py}" text-anchor="end" dominant-baseline="middle">${t.label}</text>\n`;
  });
  const xTicks = x.ticks.map((t) => {
    const pxx = px(scaleX(frame, x, t.value));
    return html`<line x1="${pxx}" x2="${pxx}" y1="${px(frame.bottom)}" y2="${px(frame.bottom + 4)}" stroke="#555"/><text x="${pxx}" y="${px(frame.bottom + 16)}" text-anchor="middle">${t.label}</text>\n`;
  });
  return html`<text x="${px(frame.width / 2)}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${options.title}</text>
${yTicks}${xTicks}<line x1="${px(frame.left)}" x2="${px(frame.right)}" y1="${px(frame.bottom)}" y2="${px(frame.bottom)}" stroke="#555"/>
<line x1="${px(frame.left)}" x2="${px(frame.left)}" y1="${px(frame.top)}" y2="${px(frame.bottom)}" stroke="#555"/>
<text x="${px(midX)}" y="${px(frame.height - 10)}" text-anchor="middle">${options.xLabel}</text>
<text x="16" y="${px(midY)}" text-anchor="middle" transform="rotate(-90 16 ${px(midY)})">${options.yLabel}</text>
`;
}

/** Wraps chart content in an `<svg>` element with a title for screen readers. */
export function renderSvg(frame: Frame, title: string, content: SafeHtml): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}" font-family="sans-serif" font-size="11" role="img">
<title>${title}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
${content}</svg>
`;
}
