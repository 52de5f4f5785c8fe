import type { CveRecord } from '../../domain/cve.js';
import { daysBetween } from '../../domain/day.js';
import { compareVersionText } from '../../domain/kernel-version.js';
import type { ReleaseTable } from '../../domain/release.js';
import { assessVersion } from '../exposure/assess-version.js';

/** A maintained branch's latest release at D, and the CVEs it carries although mainline has fixed them. */
export type NeverBackported = {
  readonly branch: string;
  readonly latest: string;
  readonly latestDate: string;
  /** CVEs published by D that affect the latest release. */
  readonly openCves: number;
  /** Of those, fixed in a mainline release out by D: fixed upstream, not (yet) backported to the branch. */
  readonly fixedUpstreamNotBackported: number;
};

/** A branch counts as maintained at D when it had a stable release in this many days before D. */
export const MAINTAINED_WITHIN_DAYS = 90;

/**
 * Per maintained stable branch: CVEs affecting its latest release (as of D) that have a mainline fix released by D
 * (docs/analytics.md, "Fixed upstream, never backported"). `published` holds the CVEs published by D.
 */
export function assessNeverBackported(
  published: readonly CveRecord[],
  releases: ReleaseTable,
  options: { readonly asOf: string },
): NeverBackported[] {
  const rows: NeverBackported[] = [];
  const branches = [...releases.byBranch.keys()].sort(compareVersionText);
  for (const branch of branches) {
    const out = (releases.byBranch.get(branch) ?? []).filter((r) => r.date !== null && r.date <= options.asOf);
    const latest = out.at(-1);
    if (!latest?.date || latest.version.sublevel === 0) continue;
    if (daysBetween(latest.date, options.asOf) > MAINTAINED_WITHIN_DAYS) continue;
    let openCves = 0;
    let notBackported = 0;
    for (const record of published) {
      const verdict = assessVersion(record, latest.version);
      if (!verdict.affected) continue;
      openCves++;
      const upstream = verdict.fixedUpstream ? releases.byName.get(verdict.fixedUpstream) : undefined;
      if (upstream?.date && upstream.date <= options.asOf) notBackported++;
    }
    rows.push({
      branch,
      latest: latest.name,
      latestDate: latest.date,
      openCves,
      fixedUpstreamNotBackported: notBackported,
    });
  }
  return rows;
}
