/**
 * Per-test comparison of the two sides (the test half of the gate). Each id in either side lands in at most
 * one list, except flaky ones, which are also new/removed when only one side has them.
 */
import type { FlakyTest, LostCoverage, TestChange } from '../../domain/gate-assessment.js';
import type { KnownIssueMatch } from '../../domain/known-issue.js';
import type { ResultRun } from '../../domain/test-result.js';
import { describeStatuses, outcomeIn, summarizeSide, type TestSide, testSide } from './side-outcome.js';

export type TestComparison = {
  readonly regressions: TestChange[];
  readonly expectedFailures: TestChange[];
  readonly fixes: TestChange[];
  readonly flaky: FlakyTest[];
  readonly lostCoverage: LostCoverage[];
  readonly newFailures: TestChange[];
  readonly newTests: TestChange[];
  readonly removedTests: TestChange[];
  readonly counts: { compared: number; unchangedPass: number; stillFailing: number };
  /** Distinct test ids on each side. */
  readonly sizes: { readonly baseline: number; readonly candidate: number };
};

const MISSING = 'missing';

function change(test: string, b: TestSide | undefined, c: TestSide | undefined): TestChange {
  const detail = c?.detail ?? b?.detail;
  const base = {
    test,
    baseline: b ? describeStatuses(b.statuses) : MISSING,
    candidate: c ? describeStatuses(c.statuses) : MISSING,
  };
  return detail === undefined ? base : { ...base, detail };
}

/** Compares every test id of both sides. `known` finds a known issue for a failing candidate test. */
export function compareTests(
  baselineRuns: readonly ResultRun[],
  candidateRuns: readonly ResultRun[],
  known: (id: string) => KnownIssueMatch | null,
): TestComparison {
  const base = summarizeSide(baselineRuns);
  const cand = summarizeSide(candidateRuns);
  const out: TestComparison = {
    regressions: [],
    expectedFailures: [],
    fixes: [],
    flaky: [],
    lostCoverage: [],
    newFailures: [],
    newTests: [],
    removedTests: [],
    counts: { compared: 0, unchangedPass: 0, stillFailing: 0 },
    sizes: { baseline: base.statuses.size, candidate: cand.statuses.size },
  };
  const endedEarly = candidateRuns.filter((r) => r.endedEarly !== null).map((r) => r.source);
  const missingDetail =
    endedEarly.length > 0
      ? `not in the candidate's results; candidate run(s) ended early: ${endedEarly.join(', ')}`
      : "not in the candidate's results";
  // Failures the baseline did not have: excused by an unexpired known issue, else reported in `list`.
  const failing = (list: TestChange[], item: TestChange): void => {
    const match = known(item.test);
    if (match !== null && !match.expired) out.expectedFailures.push({ ...item, knownIssue: match });
    else list.push(match === null ? item : { ...item, knownIssue: match });
  };

  const ids = [...base.statuses.keys()];
  for (const id of cand.statuses.keys()) if (!base.statuses.has(id)) ids.push(id);
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) {
    // Most tests pass on both sides: count them without building a report item.
    if (outcomeIn(base, id) === 'good' && outcomeIn(cand, id) === 'good') {
      out.counts.compared++;
      out.counts.unchangedPass++;
      continue;
    }
    const b = testSide(base, id);
    const c = testSide(cand, id);
    const item = change(id, b, c);
    if (b?.outcome === 'flaky' || c?.outcome === 'flaky') {
      const side = b?.outcome === 'flaky' ? (c?.outcome === 'flaky' ? 'both' : 'baseline') : 'candidate';
      out.flaky.push({ ...item, side });
    }
    if (b === undefined) {
      out.newTests.push(item);
      if (c?.outcome === 'bad') failing(out.newFailures, item);
      continue;
    }
    if (c === undefined) {
      if (b.outcome === 'good') out.lostCoverage.push({ kind: 'missing', ...lost(item), detail: missingDetail });
      else out.removedTests.push(item);
      continue;
    }
    out.counts.compared++;
    if (b.outcome === 'good' && c.outcome === 'bad') failing(out.regressions, item);
    else if (b.outcome === 'good' && c.outcome === 'skip') {
      out.lostCoverage.push({ kind: 'skipped', ...lost(item), detail: c.detail ?? 'skipped in the candidate' });
    } else if (b.outcome === 'good' && c.outcome === 'good') out.counts.unchangedPass++;
    else if (b.outcome === 'bad' && c.outcome === 'good') out.fixes.push(item);
    else if (b.outcome === 'bad' && c.outcome === 'bad') out.counts.stillFailing++;
    else if (b.outcome === 'skip' && c.outcome === 'bad') failing(out.newFailures, item);
  }
  return out;
}

function lost(item: TestChange): { test: string; baseline: string; candidate: string } {
  return { test: item.test, baseline: item.baseline, candidate: item.candidate };
}
