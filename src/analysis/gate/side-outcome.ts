/**
 * One side's evidence per test: every status the test had across the side's runs, reduced to an outcome.
 * Several runs per side are how flakiness becomes visible: a test that passed in one run and failed in
 * another is `flaky`, not `good` or `bad`.
 */
import { classifyStatus, type ResultRun, type TestStatus } from './test-result.js';

export type SideOutcome = 'good' | 'bad' | 'skip' | 'flaky';

export type TestSide = {
  readonly outcome: SideOutcome;
  /** Statuses in run order (one per run the test appeared in). */
  readonly statuses: readonly TestStatus[];
  /** The first diagnostic of a non-passing result, for the report. */
  readonly detail: string | undefined;
};

/**
 * Skips do not count as evidence either way: a test that passed once and was skipped once is good. Only
 * good and bad together make it flaky.
 */
export function outcomeOf(statuses: readonly TestStatus[]): SideOutcome {
  let good = false;
  let bad = false;
  for (const s of statuses) {
    const c = classifyStatus(s);
    if (c === 'good') good = true;
    else if (c === 'bad') bad = true;
  }
  if (good && bad) return 'flaky';
  return good ? 'good' : bad ? 'bad' : 'skip';
}

/** Every test id seen on a side, with its outcome. One map, one object per test: sides can hold a million. */
export function summariseSide(runs: readonly ResultRun[]): Map<string, TestSide> {
  const out = new Map<string, { outcome: SideOutcome; statuses: TestStatus[]; detail: string | undefined }>();
  for (const run of runs) {
    for (const t of run.tests) {
      const seen = out.get(t.id);
      const detail = t.status === 'pass' ? undefined : t.detail;
      if (seen === undefined) out.set(t.id, { outcome: 'skip', statuses: [t.status], detail });
      else {
        seen.statuses.push(t.status);
        seen.detail ??= detail;
      }
    }
  }
  for (const side of out.values()) side.outcome = outcomeOf(side.statuses);
  return out;
}

/** `pass`, or `pass 2, fail 1` when runs disagree: how a side's result reads in a report. */
export function describeStatuses(statuses: readonly TestStatus[]): string {
  const counts = new Map<TestStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  if (counts.size === 1 && statuses.length === 1) return statuses[0] as string;
  return [...counts.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
}
