import type { CveSummary } from '../../domain/cve.js';
import type { EventCve, FleetEvent } from '../../domain/fleet-event.js';

/** What the events of a scan are decided from. */
export type ScanFacts = {
  readonly findings: readonly (Pick<CveSummary, 'id' | 'cvss' | 'severity' | 'title'> & {
    /** null: the product has no config. */
    readonly relevance: 'built' | 'not-built' | 'unknown' | null;
  })[];
  readonly branchLatest: string | null;
  readonly branchLatestDate: string | null;
  readonly releasesBehind: number | null;
};

/**
 * The notifications a scan warrants, against the product's previous scan (docs/fleet.md, "Notifications"):
 * - `new-cves`: CVEs carried now and not at the previous scan, in code the product builds (relevance `built`);
 *   a product without a config gets every new CVE, since nothing rules its code out;
 * - `new-release`: its branch's newest release differs from the one the previous scan saw, and the product is
 *   behind it.
 * The first scan of a product is its baseline: nothing is new yet. Pure.
 */
export function planScanEvents(
  previous: { readonly ids: ReadonlySet<string>; readonly branchLatest: string | null } | null,
  now: ScanFacts,
): FleetEvent[] {
  if (previous === null) return [];
  const events: FleetEvent[] = [];
  const cves: EventCve[] = [];
  for (const { id, cvss, severity, title, relevance } of now.findings) {
    if (previous.ids.has(id)) continue;
    if (relevance !== null && relevance !== 'built') continue;
    cves.push({ id, cvss, severity, title, relevance: relevance === null ? 'no-config' : 'built' });
  }
  if (cves.length > 0) events.push({ kind: 'new-cves', cves });
  if (now.branchLatest !== null && now.branchLatest !== previous.branchLatest && (now.releasesBehind ?? 0) > 0) {
    events.push({
      kind: 'new-release',
      previousLatest: previous.branchLatest,
      latest: now.branchLatest,
      latestDate: now.branchLatestDate,
      releasesBehind: now.releasesBehind,
    });
  }
  return events;
}
