/**
 * The update gate: compares a baseline's test evidence with a candidate's and decides go / no-go.
 * Pure: results are read and parsed elsewhere, the day (`asOf`) is passed in. Rules (docs/gate.md):
 * pass->fail is a regression, fail->pass a fix; pass->skip, pass->missing and a candidate run that ended early
 * are lost coverage (blocking unless the policy allows it); tests with mixed results on a side are flaky
 * (reported, blocking only by policy); a crash signature the baseline did not have is a regression.
 */

import { mergeCrashes } from '../../domain/crash.js';
import type { Day } from '../../domain/day.js';
import {
  DEFAULT_GATE_POLICY,
  type GateAssessment,
  type GatePolicy,
  type SideSummary,
} from '../../domain/gate-assessment.js';
import type { GateEvidence } from '../../domain/gate-evidence.js';
import type { KnownIssue } from '../../domain/known-issue.js';
import type { ResultRun } from '../../domain/test-result.js';
import { compareTests } from './compare-tests.js';
import { decideVerdict, type GateDecisionInput } from './decide-verdict.js';
import { knownIssueMatcher } from './known-issues.js';

export type GateOptions = {
  /** The day the gate runs (UTC): known issues expire relative to it. */
  readonly asOf: Day;
  readonly knownIssues?: readonly KnownIssue[];
  readonly policy?: Partial<GatePolicy>;
};

/** Decides whether the candidate may replace the baseline. */
export function assessGate(baseline: GateEvidence, candidate: GateEvidence, options: GateOptions): GateAssessment {
  const policy: GatePolicy = { ...DEFAULT_GATE_POLICY, ...options.policy };
  const known = knownIssueMatcher(options.knownIssues ?? [], options.asOf);
  const tests = compareTests(baseline.runs, candidate.runs, known.test);

  const baseCrashes = mergeCrashes([baseline.crashes]);
  const candCrashes = mergeCrashes([candidate.crashes]);
  const baseSigs = new Set(baseCrashes.map((c) => c.signature));
  const candSigs = new Set(candCrashes.map((c) => c.signature));
  const newCrashes = [];
  const expectedFailures = [...tests.expectedFailures];
  for (const crash of candCrashes) {
    if (baseSigs.has(crash.signature)) continue;
    const match = known.crash(crash.signature);
    if (match !== null && !match.expired) {
      expectedFailures.push({
        test: `crash: ${crash.signature}`,
        baseline: 'absent',
        candidate: `${crash.count}x`,
        detail: crash.example,
        knownIssue: match,
      });
    } else newCrashes.push(match === null ? crash : { ...crash, knownIssue: match });
  }
  const goneCrashes = baseCrashes.filter((c) => !candSigs.has(c.signature));

  // A results file that yields no test at all (a KTAP `1..0`, a capture whose results kgap cannot place) is a
  // run that tested nothing: lost coverage, never a silent pass.
  const lostCoverage = [
    ...candidate.runs
      .filter((r) => r.tests.length === 0)
      .map((r) => ({ kind: 'no-results' as const, run: r.source, detail: noResultsDetail(r) })),
    ...candidate.runs
      .filter((r) => r.endedEarly !== null)
      .map((r) => ({ kind: 'ended-early' as const, run: r.source, detail: r.endedEarly ?? '' })),
    ...tests.lostCoverage,
  ];
  const input: GateDecisionInput = {
    policy,
    regressions: tests.regressions,
    newCrashes,
    lostCoverage,
    flaky: tests.flaky,
    newFailures: tests.newFailures,
    fixes: tests.fixes,
    expectedFailures,
    baselineEndedEarly: baseline.runs.filter((r) => r.endedEarly !== null).map((r) => r.source),
    baselineEmpty: baseline.runs.filter((r) => r.tests.length === 0).map((r) => r.source),
    compared: tests.counts.compared,
  };
  const { verdict, reasons } = decideVerdict(input);
  return {
    verdict,
    reasons,
    policy,
    asOf: options.asOf,
    baseline: summarizeEvidence(baseline, tests.sizes.baseline, baseCrashes.length),
    candidate: summarizeEvidence(candidate, tests.sizes.candidate, candCrashes.length),
    regressions: tests.regressions,
    fixes: tests.fixes,
    flaky: tests.flaky,
    lostCoverage,
    newCrashes,
    goneCrashes,
    expectedFailures: expectedFailures.sort((a, b) => (a.test < b.test ? -1 : a.test > b.test ? 1 : 0)),
    newFailures: tests.newFailures,
    newTests: tests.newTests,
    removedTests: tests.removedTests,
    counts: tests.counts,
  };
}

function noResultsDetail(r: ResultRun): string {
  const why = r.problems[0] ?? r.endedEarly;
  return `${r.format} file with no test results${why ? ` (${why})` : ''}`;
}

function summarizeEvidence(e: GateEvidence, tests: number, crashes: number): SideSummary {
  const runs = [...e.runs]
    .map((r) => ({
      source: r.source,
      format: r.format,
      tests: r.tests.length,
      endedEarly: r.endedEarly,
      problems: r.problems.length,
    }))
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { runs, tests, consoleLogs: [...e.consoleLogs].sort(), crashes };
}
