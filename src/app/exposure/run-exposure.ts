import { assessExposureCurve, type ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { requireDay, utcDay } from '../../domain/day.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readVulnsData } from '../../sources/vulns/read-vulns-data.js';

export type ExposureInput = {
  /** The stable branch, e.g. `6.1`. */
  readonly branch: string;
  /** Count CVEs published by this day; null: the day of the vulns snapshot. */
  readonly asOf: string | null;
  readonly data: DataOptions;
};

/** Open CVEs of every release on a branch against its age (`kgap exposure`, docs/analytics.md). */
export async function runExposure(input: ExposureInput): Promise<ExposureCurveReport> {
  const asOfGiven = input.asOf === null ? null : requireDay('asOf', input.asOf);
  const { index, releases } = await readVulnsData(input.data);
  // Default: the vulns snapshot's day, so the report is the same whenever it is run on that data.
  const asOf = asOfGiven ?? utcDay(index.vulnsCommitDate);
  return assessExposureCurve(index, releases, { branch: input.branch, asOf });
}
