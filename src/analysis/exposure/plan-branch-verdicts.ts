import type { CveRecord } from '../../domain/cve.js';
import type { KernelVersion } from '../../domain/kernel-version.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { assessVersion, type VerdictRule } from './assess-version.js';

/** The verdict for releases `from` <= sublevel < `to` (null: no end) of one branch, where a CVE is affected. */
export type VerdictSpan = {
  readonly from: number;
  readonly to: number | null;
  readonly fixedOnBranch: string | null;
  readonly ambiguous: boolean;
  readonly ambiguousReason: string | null;
  readonly rule: VerdictRule;
};

/** One CVE that affects some release of the branch. */
export type BranchEntry = {
  readonly record: number;
  readonly fixedUpstream: string | null;
  readonly spans: readonly VerdictSpan[];
};

const same = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/**
 * Every record's verdicts along one branch, from `assessVersion` itself. On a branch the verdict can only change at
 * the sublevels the record's dyad names on that branch (its comparisons with V are against those), so evaluating
 * it at 0 and at each named sublevel gives the verdict of every release (rcs excluded: they keep the full path).
 * This lets a warm `status` skip the 14,600 evaluations; `test/branch-verdicts-real.test.ts` checks equality.
 */
export function planBranchVerdicts(
  records: readonly CveRecord[],
  branchKey: KernelVersion['branchKey'],
): BranchEntry[] {
  const entries: BranchEntry[] = [];
  for (let i = 0; i < records.length; i++) {
    const { fixedUpstream, spans } = planRecordSpans(records[i] as CveRecord, branchKey);
    if (spans.length > 0) entries.push({ record: i, fixedUpstream, spans });
  }
  return entries;
}

/** One record's affected spans along a branch (see `planBranchVerdicts`); empty when no release is affected. */
export function planRecordSpans(
  record: Pick<CveRecord, 'dyad'>,
  branchKey: KernelVersion['branchKey'],
): { fixedUpstream: string | null; spans: VerdictSpan[] } {
  const points = new Set<number>([0]);
  for (const d of record.dyad) {
    for (const text of [d.introVersion, d.fixVersion]) {
      const x = text ? parseKernelVersion(text) : null;
      if (x && same(x.branchKey, branchKey)) points.add(x.sublevel);
    }
  }
  const sorted = [...points].sort((a, b) => a - b);
  const spans: VerdictSpan[] = [];
  let fixedUpstream: string | null = null;
  for (let p = 0; p < sorted.length; p++) {
    const from = sorted[p] as number;
    const to = sorted[p + 1] ?? null;
    const verdict = assessVersion(record, { branchKey, sublevel: from, rc: null });
    fixedUpstream = verdict.fixedUpstream;
    if (!verdict.affected) continue;
    const last = spans.at(-1);
    if (
      last &&
      last.to === from &&
      last.fixedOnBranch === verdict.fixedOnBranch &&
      last.ambiguousReason === verdict.ambiguousReason &&
      last.rule === verdict.rule
    ) {
      spans[spans.length - 1] = { ...last, to };
    } else {
      const { fixedOnBranch, ambiguous, ambiguousReason, rule } = verdict;
      spans.push({ from, to, fixedOnBranch, ambiguous, ambiguousReason, rule });
    }
  }
  return { fixedUpstream, spans };
}

/** The span that holds sublevel `s`, or null when that release is not affected. */
export function spanOf(spans: readonly VerdictSpan[], s: number): VerdictSpan | null {
  for (const span of spans) if (s >= span.from && (span.to === null || s < span.to)) return span;
  return null;
}
