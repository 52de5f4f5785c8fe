/**
 * The gate's decision and its evidence: what `assessGate` (analysis/gate) returns and every gate renderer reads.
 * Types only, plus the default policy.
 */
import type { Crash } from './crash.js';
import type { KnownIssueMatch } from './known-issue.js';
import type { ResultFormat } from './test-result.js';

export type Verdict = 'go' | 'no-go';

/** What may block a release besides pass->fail regressions and new crashes (which always do). */
export type GatePolicy = {
  /** Lost coverage (pass->skip, pass->missing, a run that ended early) does not block. Default false. */
  readonly allowLostCoverage: boolean;
  /** A test that passed in the baseline and is flaky in the candidate blocks. Default false. */
  readonly flakyIsRegression: boolean;
  /** A new test, or one skipped in the baseline, that fails in the candidate blocks. Default false. */
  readonly newFailuresAreRegressions: boolean;
};

export const DEFAULT_GATE_POLICY: GatePolicy = {
  allowLostCoverage: false,
  flakyIsRegression: false,
  newFailuresAreRegressions: false,
};

/** A test compared across the sides; `baseline`/`candidate` read like `pass`, `fail` or `pass 2, fail 1`. */
export type TestChange = {
  readonly test: string;
  readonly baseline: string;
  readonly candidate: string;
  readonly detail?: string;
  /** Set when a known issue matched; an expired one did not excuse the change. */
  readonly knownIssue?: KnownIssueMatch;
};

export type LostCoverage = {
  /** `no-results`: a results file of the candidate holds no test result at all (a run that tested nothing). */
  readonly kind: 'skipped' | 'missing' | 'ended-early' | 'no-results';
  /** The test, or for `ended-early` and `no-results` the run (results file). */
  readonly test?: string;
  readonly run?: string;
  readonly baseline?: string;
  readonly candidate?: string;
  readonly detail: string;
};

export type FlakyTest = TestChange & { readonly side: 'baseline' | 'candidate' | 'both' };

export type CrashChange = Crash & { readonly knownIssue?: KnownIssueMatch };

/** One side as read: its runs and crash logs, for the report header. */
export type SideSummary = {
  readonly runs: readonly {
    readonly source: string;
    readonly format: ResultFormat;
    readonly tests: number;
    readonly endedEarly: string | null;
    readonly problems: number;
  }[];
  readonly tests: number;
  readonly consoleLogs: readonly string[];
  readonly crashes: number;
};

export type GateAssessment = {
  readonly verdict: Verdict;
  /** One line per blocking finding, then one per notable non-blocking finding; stable order. */
  readonly reasons: readonly string[];
  readonly policy: GatePolicy;
  readonly asOf: string;
  readonly baseline: SideSummary;
  readonly candidate: SideSummary;
  readonly regressions: readonly TestChange[];
  readonly fixes: readonly TestChange[];
  readonly flaky: readonly FlakyTest[];
  readonly lostCoverage: readonly LostCoverage[];
  readonly newCrashes: readonly CrashChange[];
  readonly goneCrashes: readonly Crash[];
  /** Regressions and crashes an unexpired known issue excused. */
  readonly expectedFailures: readonly TestChange[];
  /** New tests (and tests skipped in the baseline) that fail in the candidate. */
  readonly newFailures: readonly TestChange[];
  readonly newTests: readonly TestChange[];
  readonly removedTests: readonly TestChange[];
  readonly counts: {
    readonly compared: number;
    readonly unchangedPass: number;
    readonly stillFailing: number;
  };
};
