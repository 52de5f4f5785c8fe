import { dayNumber } from '../../domain/day.js';
import { compareKernelVersions } from '../../domain/kernel-version.js';
import type { Release } from '../../domain/release.js';
import type { ExposureEntry } from './branch-exposure.js';
import type { SimulationPlan } from './plan-simulation.js';

type DatedRelease = Release & { readonly date: string };

/** From day `from` on (until the next segment), the product runs `release`. */
export type VersionSegment = { readonly from: number; readonly release: DatedRelease };

/** A CVE fix the cherry-pick policy applies to the base, and the day it does. */
export type CherryPick = { readonly entry: ExposureEntry; readonly day: number };

// Work that was already due when the replay starts (a release out before day one, a CVE already public and fixed)
// is treated as arriving on day one: the product starts on the start release with nothing applied.
const arrival = (plan: SimulationPlan, day: number) => Math.max(day, plan.firstDay);

function pushSegment(segments: VersionSegment[], day: number, release: DatedRelease): void {
  const last = segments[segments.length - 1];
  if (last && compareKernelVersions(release.version, last.release.version) <= 0) return;
  if (last && last.from === day) segments[segments.length - 1] = { from: day, release };
  else segments.push({ from: day, release });
}

/**
 * The releases a version-moving policy runs, day by day. It only looks at releases out by that day: no hindsight.
 * - frozen: the start release throughout.
 * - track-stable:N: each newer release is adopted N days after it came out.
 * - upgrade-every:N: every N days from day one, jump to the newest release out by then.
 */
export function planVersionTimeline(
  plan: SimulationPlan,
  policy: { kind: string; days: number | null },
): VersionSegment[] {
  const segments: VersionSegment[] = [{ from: plan.firstDay, release: plan.start }];
  const newer = plan.releases.filter((r) => compareKernelVersions(r.version, plan.start.version) > 0);
  const n = policy.days ?? 0;
  if (policy.kind === 'track-stable') {
    const adoptions = newer
      .map((release) => ({ day: arrival(plan, dayNumber(release.date)) + n, release }))
      .filter((a) => a.day <= plan.lastDay)
      .sort((a, b) => a.day - b.day || compareKernelVersions(a.release.version, b.release.version));
    for (const a of adoptions) pushSegment(segments, a.day, a.release);
  } else if (policy.kind === 'upgrade-every') {
    for (let day = plan.firstDay + n; day <= plan.lastDay; day += n) {
      const out = newer.filter((r) => dayNumber(r.date) <= day).at(-1);
      if (out) pushSegment(segments, day, out);
    }
  }
  return segments;
}

/**
 * cherry-pick-cves:N stays on the start release and applies a CVE's fix N days after it became actionable: public
 * and its branch fix released (CVEs without a fix on the branch cannot be picked). Picks due after the last day
 * are left out.
 */
export function planCherryPicks(plan: SimulationPlan, base: readonly ExposureEntry[], days: number): CherryPick[] {
  const picks: CherryPick[] = [];
  for (const entry of base) {
    const actionable = Math.max(entry.published, entry.fixReleased);
    if (!Number.isFinite(actionable)) continue;
    const day = arrival(plan, actionable) + days;
    if (day <= plan.lastDay) picks.push({ entry, day });
  }
  return picks;
}
