import { CHECK_TYPES, REASONS } from './check.js';
import type { CheckResult, GroupScore } from './hardening-report.js';

function scoreOf(group: string, results: readonly CheckResult[]): GroupScore {
  let ok = 0;
  let fail = 0;
  let waived = 0;
  let notApplicable = 0;
  let unknown = 0;
  for (const r of results) {
    if (r.status === 'ok') ok++;
    else if (r.status === 'not-applicable') notApplicable++;
    else if (r.status === 'unknown') unknown++;
    else if (r.waiver && !r.waiver.expired) waived++;
    else fail++;
  }
  // A waived failure is neither a pass nor a failure: it leaves the score.
  const decided = ok + fail;
  return {
    group,
    ok,
    fail,
    waived,
    notApplicable,
    unknown,
    score: decided === 0 ? null : Math.round((ok * 1000) / decided) / 10,
  };
}

/** Per-group scores: each reason class, each check type, then `total`. */
export function scoreHardening(results: readonly CheckResult[]): GroupScore[] {
  return [
    ...REASONS.map((reason) =>
      scoreOf(
        reason,
        results.filter((r) => r.reason === reason),
      ),
    ),
    ...CHECK_TYPES.map((type) =>
      scoreOf(
        type,
        results.filter((r) => r.type === type),
      ),
    ),
    scoreOf('total', results),
  ];
}

/** True for a failure that a valid waiver does not excuse: what `--fail-on fail` counts. */
export function isBlockingFailure(result: CheckResult): boolean {
  return result.status === 'fail' && (result.waiver === null || result.waiver.expired);
}
