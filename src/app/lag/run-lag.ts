import { assessLag, type LagReport } from '../../analysis/lag/assess-lag.js';
import { requireDay } from '../../domain/day.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readVulnsData } from '../../sources/vulns/read-vulns-data.js';

export type LagInput = {
  /** Only CVEs published on or after this day (`YYYY-MM-DD`); null: all. */
  readonly since: string | null;
  /** A stable branch to single out, e.g. `6.1`; null: none. */
  readonly branch: string | null;
  readonly data: DataOptions;
};

/** Days from the first fix release to CVE publication (`kgap lag`, docs/analytics.md "Lag"). */
export async function runLag(input: LagInput): Promise<LagReport> {
  const since = input.since === null ? null : requireDay('since', input.since);
  const { index, releases } = await readVulnsData(input.data);
  return assessLag(index, releases, { since, branch: input.branch });
}
