import { CHECK_TYPES, REASONS } from '../../domain/hardening-check.js';
import type { CheckResult, GroupScore } from './hardening-report.js';

type Counts = { ok: number; fail: number; waived: number; notApplicable: number; unknown: number };

function add(counts: Counts, r: CheckResult): void {
  if (r.status === 'ok') counts.ok++;
  else if (r.status === 'not-applicable') counts.notApplicable++;
  else if (r.status === 'unknown') counts.unknown++;
  else if (r.waiver && !r.waiver.expired) counts.waived++;
  else counts.fail++;
}

/** Per-group scores: each reason class, each check type, then `total` (one pass over the results). */
export function scoreHardening(results: readonly CheckResult[]): GroupScore[] {
  const groups = [...REASONS, ...CHECK_TYPES, 'total'] as const;
  const counts = new Map<string, Counts>(
    groups.map((g) => [g, { ok: 0, fail: 0, waived: 0, notApplicable: 0, unknown: 0 }]),
  );
  for (const r of results) {
    for (const g of [r.reason, r.type, 'total']) {
      const c = counts.get(g);
      if (c) add(c, r);
    }
  }
  return groups.map((group) => {
    const c = counts.get(group) ?? { ok: 0, fail: 0, waived: 0, notApplicable: 0, unknown: 0 };
    // A waived failure is neither a pass nor a failure: it leaves the score.
    const decided = c.ok + c.fail;
    return { group, ...c, score: decided === 0 ? null : Math.round((c.ok * 1000) / decided) / 10 };
  });
}

/** True for a failure that a valid waiver does not excuse: what `--fail-on fail` counts. */
export function isBlockingFailure(result: CheckResult): boolean {
  return result.status === 'fail' && (result.waiver === null || result.waiver.expired);
}
