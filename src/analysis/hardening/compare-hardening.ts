import type { CheckResult, CheckStatus, HardeningReport } from './hardening-report.js';

/** How one check moves from the current kernel to a candidate. */
export const CHANGE_KINDS = ['regress', 'improve', 'appear', 'disappear'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type CheckChange = {
  readonly id: string;
  readonly type: CheckResult['type'];
  readonly option: string;
  readonly kind: ChangeKind;
  readonly from: CheckStatus;
  readonly to: CheckStatus;
  readonly fromValue: string | null;
  readonly toValue: string | null;
};

export type HardeningDiff = {
  readonly from: string;
  readonly to: string;
  readonly changes: readonly CheckChange[];
  readonly counts: Readonly<Record<ChangeKind, number>>;
};

const DECIDED: ReadonlySet<CheckStatus> = new Set(['ok', 'fail']);

/**
 * ok -> fail is a regression, fail -> ok an improvement; a check that becomes decided (ok/fail) from
 * not-applicable/unknown "appears" (e.g. a newer kernel has the option), and the reverse "disappears".
 */
function kindOf(from: CheckStatus, to: CheckStatus): ChangeKind | null {
  if (from === to) return null;
  if (from === 'ok' && to === 'fail') return 'regress';
  if (from === 'fail' && to === 'ok') return 'improve';
  if (!DECIDED.has(from) && DECIDED.has(to)) return 'appear';
  if (DECIDED.has(from) && !DECIDED.has(to)) return 'disappear';
  return null;
}

/** What changes between two assessments with the same checklist, in checklist order. */
export function compareHardening(from: HardeningReport, to: HardeningReport): HardeningDiff {
  const next = new Map(to.checks.map((c) => [c.id, c]));
  const changes: CheckChange[] = [];
  for (const a of from.checks) {
    const b = next.get(a.id);
    if (!b) continue;
    const kind = kindOf(a.status, b.status);
    if (kind)
      changes.push({
        id: a.id,
        type: a.type,
        option: b.option,
        kind,
        from: a.status,
        to: b.status,
        fromValue: a.actual,
        toValue: b.actual,
      });
  }
  const counts = { regress: 0, improve: 0, appear: 0, disappear: 0 };
  for (const c of changes) counts[c.kind]++;
  return { from: from.source, to: to.source, changes, counts };
}
