import { dayFromNumber } from '../../domain/day.js';

/** Axis arithmetic for kgap's SVG charts: "nice" numeric ticks and calendar ticks for date axes. Pure. */

/** One tick: its position in data units and its label. */
export type Tick = { readonly value: number; readonly label: string };

/** An axis: the data range it spans (widened to whole ticks) and its ticks. */
export type Axis = { readonly min: number; readonly max: number; readonly ticks: readonly Tick[] };

const DAY_MS = 86_400_000;

/** Fixed-precision number text for labels and coordinates: no `-0`, no trailing zeros. */
export function formatNumber(value: number, decimals = 1): string {
  const n = Number(value.toFixed(decimals));
  return Object.is(n, -0) ? '0' : String(n);
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

/** About `count` evenly spaced round ticks covering [min, max] (a zero-width range is widened by 1). */
export function numericAxis(min: number, max: number, count = 6): Axis {
  const lo0 = Math.min(min, max);
  const hi0 = max === min ? lo0 + 1 : Math.max(min, max);
  const step = niceStep(hi0 - lo0, count);
  const lo = Math.floor(lo0 / step) * step;
  const hi = Math.ceil(hi0 / step) * step;
  const ticks: Tick[] = [];
  for (let i = 0; lo + i * step <= hi + step / 1e6; i++) {
    const value = lo + i * step;
    ticks.push({ value, label: formatNumber(value, step < 1 ? 2 : 0) });
  }
  return { min: lo, max: hi, ticks };
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60] as const;

/** Ticks on the first day of months (every 1, 2, 3, 6 months or 1, 2, 5 years), at most ~`count` of them. */
export function dateAxis(minDay: number, maxDay: number, count = 7): Axis {
  const lo = Math.min(minDay, maxDay);
  const hi = Math.max(minDay, maxDay, lo + 1);
  const months = (hi - lo) / 30.44;
  const step = MONTH_STEPS.find((s) => months / s <= count) ?? 120;
  const start = new Date(lo * DAY_MS);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  // Start on the step's grid: months 0, step, 2*step...; for steps of years, January of a multiple of the step.
  if (step < 12) m = Math.ceil(m / step) * step;
  else {
    y = Math.ceil(y / (step / 12)) * (step / 12);
    m = 0;
  }
  const ticks: Tick[] = [];
  for (;;) {
    const day = Date.UTC(y + Math.floor(m / 12), m % 12, 1) / DAY_MS;
    if (day > hi) break;
    if (day >= lo) ticks.push({ value: day, label: dayFromNumber(day).slice(0, step >= 12 ? 4 : 7) });
    m += step;
  }
  return { min: lo, max: hi, ticks };
}
