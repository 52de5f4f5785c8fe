import type { ExposureEntry } from './branch-exposure.js';
import type { CherryPick, VersionSegment } from './plan-timeline.js';

/** Per replayed day: CVEs open (public, fixed on the branch, still in the product) and how many are high/critical. */
export type OpenSeries = { readonly open: readonly number[]; readonly severe: readonly number[] };

/** The day a CVE starts to count: it is public and its branch fix is out. Infinity when it never does. */
export function countsFrom(entry: ExposureEntry): number {
  return Math.max(entry.published, entry.fixReleased);
}

/** Accumulates [start, end] day intervals (inclusive) into per-day counts with difference arrays. */
class OpenCounter {
  readonly open: number[];
  readonly severe: number[];
  constructor(
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    this.open = new Array<number>(lastDay - firstDay + 2).fill(0);
    this.severe = new Array<number>(lastDay - firstDay + 2).fill(0);
  }
  add(start: number, end: number, severe: boolean): void {
    const s = Math.max(start, this.firstDay);
    const e = Math.min(end, this.lastDay);
    if (s > e) return;
    this.open[s - this.firstDay]! += 1;
    this.open[e + 1 - this.firstDay]! -= 1;
    if (severe) {
      this.severe[s - this.firstDay]! += 1;
      this.severe[e + 1 - this.firstDay]! -= 1;
    }
  }
  series(): OpenSeries {
    const run = (deltas: number[]) => {
      let n = 0;
      return deltas.slice(0, -1).map((d) => {
        n += d;
        return n;
      });
    };
    return { open: run(this.open), severe: run(this.severe) };
  }
}

/** Open CVEs per day for a product that runs the segments' releases. Pure. */
export function countOpenForTimeline(
  span: { firstDay: number; lastDay: number },
  segments: readonly VersionSegment[],
  exposure: ReadonlyMap<string, readonly ExposureEntry[]>,
): OpenSeries {
  const counter = new OpenCounter(span.firstDay, span.lastDay);
  segments.forEach((segment, i) => {
    const end = (segments[i + 1]?.from ?? span.lastDay + 1) - 1;
    for (const e of exposure.get(segment.release.name) ?? []) counter.add(countsFrom(e), end, e.severe);
  });
  return counter.series();
}

/** Open CVEs per day for the base release with cherry-picked fixes: a CVE counts until the day it is picked. */
export function countOpenWithPicks(
  span: { firstDay: number; lastDay: number },
  base: readonly ExposureEntry[],
  picks: readonly CherryPick[],
): OpenSeries {
  const counter = new OpenCounter(span.firstDay, span.lastDay);
  const pickDay = new Map(picks.map((p) => [p.entry, p.day]));
  for (const e of base) counter.add(countsFrom(e), (pickDay.get(e) ?? span.lastDay + 1) - 1, e.severe);
  return counter.series();
}
