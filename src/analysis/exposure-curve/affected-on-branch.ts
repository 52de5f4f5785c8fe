import type { CveRecord } from '../../domain/cve.js';
import type { KernelVersion } from '../../domain/kernel-version.js';
import { planRecordSpans, spanOf } from '../exposure/plan-branch-verdicts.js';

/**
 * Is each of `versions` (releases of ONE branch) affected by the CVE? The verdict is assessVersion's, asked once
 * per stretch of releases it cannot tell apart (`planRecordSpans`): for the 184 releases of 6.1 that is ~22,000
 * calls instead of 2.69 M (test/exposure-real.test.ts compares it with calling assessVersion on every pair).
 */
export function assessAffectedOnBranch(record: Pick<CveRecord, 'dyad'>, versions: readonly KernelVersion[]): boolean[] {
  const first = versions[0];
  if (first === undefined) return [];
  const { spans } = planRecordSpans(record, first.branchKey);
  return versions.map((v) => spanOf(spans, v.sublevel) !== null);
}
