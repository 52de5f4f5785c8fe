/**
 * Turns the gate's findings into a verdict and its reasons. Blocking reasons come first, in a fixed order
 * (regressions, crashes, lost coverage, flaky, new failures), then notes; each names up to five items so a
 * PR comment stays readable.
 */
import type { GateAssessment, Verdict } from '../../domain/gate-assessment.js';

/** What the decision reads: the assessment's findings, plus the baseline runs that ended early. */
export type GateDecisionInput = Pick<
  GateAssessment,
  'policy' | 'regressions' | 'newCrashes' | 'lostCoverage' | 'flaky' | 'newFailures' | 'fixes' | 'expectedFailures'
> & {
  readonly baselineEndedEarly: readonly string[];
  /** Baseline results files that hold no test result. */
  readonly baselineEmpty?: readonly string[];
  readonly compared: number;
};

const SHOWN = 5;

function list(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN).join(', ');
  return names.length > SHOWN ? `${shown} (+${names.length - SHOWN} more)` : shown;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `no-go` when any blocking finding exists; reasons explain either verdict. */
export function decideVerdict(input: GateDecisionInput): { verdict: Verdict; reasons: string[] } {
  const { policy } = input;
  const blocking: string[] = [];
  const notes: string[] = [];
  const regressionsWithExpired = input.regressions.filter((r) => r.knownIssue?.expired);
  if (input.regressions.length > 0) {
    const expired =
      regressionsWithExpired.length > 0 ? ` (${regressionsWithExpired.length} with an expired known issue)` : '';
    blocking.push(
      `${plural(input.regressions.length, 'regression')}${expired}: ${list(input.regressions.map((r) => `${r.test} (${r.baseline} -> ${r.candidate})`))}`,
    );
  }
  if (input.newCrashes.length > 0) {
    blocking.push(
      `${plural(input.newCrashes.length, 'new crash signature')} in the candidate: ${list(input.newCrashes.map((c) => c.signature))}`,
    );
  }
  if (input.lostCoverage.length > 0) {
    const what = list(
      input.lostCoverage.map((l) =>
        l.kind === 'ended-early'
          ? `run ${l.run} ended early`
          : l.kind === 'no-results'
            ? `run ${l.run} holds no test results`
            : `${l.test} (${l.kind})`,
      ),
    );
    const line = `${plural(input.lostCoverage.length, 'case')} of lost coverage: ${what}`;
    if (policy.allowLostCoverage) notes.push(`${line} (allowed by policy)`);
    else blocking.push(line);
  }
  const candidateFlaky = input.flaky.filter((f) => f.side !== 'baseline');
  if (candidateFlaky.length > 0) {
    const line = `${plural(candidateFlaky.length, 'test')} flaky in the candidate: ${list(candidateFlaky.map((f) => `${f.test} (${f.candidate})`))}`;
    if (policy.flakyIsRegression) blocking.push(line);
    else notes.push(`${line} (not blocking)`);
  }
  if (input.newFailures.length > 0) {
    const line = `${plural(input.newFailures.length, 'new or previously skipped test')} failing: ${list(input.newFailures.map((f) => f.test))}`;
    if (policy.newFailuresAreRegressions) blocking.push(line);
    else notes.push(`${line} (not blocking)`);
  }
  if (input.fixes.length > 0)
    notes.push(`${plural(input.fixes.length, 'fix', 'fixes')}: ${list(input.fixes.map((f) => f.test))}`);
  if (input.expectedFailures.length > 0) {
    notes.push(
      `${plural(input.expectedFailures.length, 'failure')} excused by known issues: ${list(input.expectedFailures.map((f) => f.test))}`,
    );
  }
  if (input.baselineEndedEarly.length > 0) notes.push(`baseline run(s) ended early: ${list(input.baselineEndedEarly)}`);
  if ((input.baselineEmpty ?? []).length > 0) {
    notes.push(`baseline results file(s) with no test results: ${list(input.baselineEmpty ?? [])}`);
  }
  if (blocking.length === 0) {
    return {
      verdict: 'go',
      reasons: [
        `no regressions, new crashes or lost coverage across ${plural(input.compared, 'compared test')}`,
        ...notes,
      ],
    };
  }
  return { verdict: 'no-go', reasons: [...blocking, ...notes] };
}
