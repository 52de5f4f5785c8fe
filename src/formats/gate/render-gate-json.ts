import type { SideSummary, TestChange } from '../../domain/gate-assessment.js';
import type { GateView } from '../../domain/gate-view.js';

/** Version of the `kgap gate --format json` document (docs/gate.md#json). */
export const GATE_JSON_SCHEMA_VERSION = 1;

function side(path: string, s: SideSummary) {
  return { path, tests: s.tests, runs: s.runs, consoleLogs: s.consoleLogs, crashSignatures: s.crashes };
}

// Fixed key order regardless of how the item was built, so the document is byte-stable.
function change(c: TestChange) {
  return {
    test: c.test,
    baseline: c.baseline,
    candidate: c.candidate,
    ...(c.detail === undefined ? {} : { detail: c.detail }),
    ...(c.knownIssue === undefined ? {} : { knownIssue: c.knownIssue }),
  };
}

/** JSON report: fixed key order, lists sorted by test id or signature, trailing newline. */
export function renderGateJson(view: GateView): string {
  const a = view.assessment;
  const doc = {
    schemaVersion: GATE_JSON_SCHEMA_VERSION,
    verdict: a.verdict,
    reasons: a.reasons,
    asOf: a.asOf,
    policy: a.policy,
    baseline: side(view.baselinePath, a.baseline),
    candidate: side(view.candidatePath, a.candidate),
    counts: {
      ...a.counts,
      regressions: a.regressions.length,
      fixes: a.fixes.length,
      flaky: a.flaky.length,
      lostCoverage: a.lostCoverage.length,
      newCrashes: a.newCrashes.length,
      expectedFailures: a.expectedFailures.length,
      newFailures: a.newFailures.length,
      newTests: a.newTests.length,
      removedTests: a.removedTests.length,
    },
    regressions: a.regressions.map(change),
    fixes: a.fixes.map(change),
    flaky: a.flaky.map((f) => ({ side: f.side, ...change(f) })),
    lostCoverage: a.lostCoverage.map((l) => ({
      kind: l.kind,
      ...(l.test === undefined ? {} : { test: l.test }),
      ...(l.run === undefined ? {} : { run: l.run }),
      ...(l.baseline === undefined ? {} : { baseline: l.baseline }),
      ...(l.candidate === undefined ? {} : { candidate: l.candidate }),
      detail: l.detail,
    })),
    newCrashes: a.newCrashes.map((c) => ({
      signature: c.signature,
      kind: c.kind,
      count: c.count,
      source: c.source,
      line: c.line,
      example: c.example,
      ...(c.knownIssue === undefined ? {} : { knownIssue: c.knownIssue }),
    })),
    goneCrashes: a.goneCrashes.map((c) => ({ signature: c.signature, kind: c.kind, count: c.count })),
    expectedFailures: a.expectedFailures.map(change),
    newFailures: a.newFailures.map(change),
    newTests: a.newTests.map(change),
    removedTests: a.removedTests.map(change),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
