/**
 * One side's evidence per test: every status the test had across the side's runs, reduced to an outcome.
 * Several runs per side are how flakiness becomes visible: a test that passed in one run and failed in
 * another is `flaky`, not `good` or `bad`.
 */
import type { ResultRun, TestStatus } from '../../domain/test-result.js';

/** What a status means for the gate: good evidence, bad evidence, or no evidence (skipped). */
export type StatusClass = 'good' | 'bad' | 'skip';

/**
 * `xfail` is good (the test behaved as expected); `warn` is bad because runltp reports TWARN as a failure
 * (exit bit 4) and a warning during cleanup is still a kernel behavior change worth a look.
 */
export function classifyStatus(status: TestStatus): StatusClass {
  switch (status) {
    case 'pass':
    case 'xfail':
      return 'good';
    case 'skip':
      return 'skip';
    default:
      return 'bad';
  }
}

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

/**
 * One side, indexed by test id. A test seen once (the common case) costs a map entry holding its status;
 * only repeats grow an array, and only non-passing diagnostics are kept, so a million tests stay cheap.
 */
export type SideIndex = {
  readonly statuses: Map<string, TestStatus | TestStatus[]>;
  readonly details: Map<string, string>;
};

/** Indexes every test id seen on a side. */
export function summarizeSide(runs: readonly ResultRun[]): SideIndex {
  const statuses = new Map<string, TestStatus | TestStatus[]>();
  const details = new Map<string, string>();
  for (const run of runs) {
    for (const t of run.tests) {
      const seen = statuses.get(t.id);
      if (seen === undefined) statuses.set(t.id, t.status);
      else if (typeof seen === 'string') statuses.set(t.id, [seen, t.status]);
      else seen.push(t.status);
      if (t.detail !== undefined && t.status !== 'pass' && !details.has(t.id)) details.set(t.id, t.detail);
    }
  }
  return { statuses, details };
}

/** A test's side as the report needs it, or undefined when the side does not have it. */
export function testSide(index: SideIndex, id: string): TestSide | undefined {
  const seen = index.statuses.get(id);
  if (seen === undefined) return undefined;
  const statuses = typeof seen === 'string' ? [seen] : seen;
  return { outcome: outcomeOf(statuses), statuses, detail: index.details.get(id) };
}

/** The outcome alone, without building a `TestSide` (the comparison's fast path). */
export function outcomeIn(index: SideIndex, id: string): SideOutcome | undefined {
  const seen = index.statuses.get(id);
  if (seen === undefined) return undefined;
  return typeof seen === 'string' ? outcomeOf1(seen) : outcomeOf(seen);
}

function outcomeOf1(status: TestStatus): SideOutcome {
  const c = classifyStatus(status);
  return c === 'good' ? 'good' : c === 'bad' ? 'bad' : 'skip';
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
