/**
 * The gate as a KCIDB submission (KernelCI's common reporting database, I/O schema v5.3, kernelci/kcidb-io):
 * each side is a checkout and a build, every result of every run is a test of its build, and the gate itself is
 * one more test of the candidate build (`kgap_gate`, PASS for go, FAIL for no-go, the reasons as its log
 * excerpt). New crash signatures and the known issues that excused failures are issues, with incidents on the
 * candidate. Ids are derived from the content (origin `kgap`), so the same gate gives the same document and a
 * resubmission updates rather than duplicates. No timestamps: the document is byte-stable.
 */
import type { GateAssessment } from '../../domain/gate-assessment.js';
import type { GateEvidence } from '../../domain/gate-evidence.js';
import type { GateView } from '../../domain/gate-view.js';
import type { TestStatus } from '../../domain/test-result.js';
import { kcidbHash as hash, kcidbIssues, KCIDB_ORIGIN as ORIGIN } from './kcidb-issues.js';

const MAX_EXCERPT = 16384; // the schema's maxLength for log_excerpt

type KcidbStatus = 'FAIL' | 'ERROR' | 'MISS' | 'PASS' | 'DONE' | 'SKIP';
/** KCIDB's statuses, highest priority first: a summary takes the highest of its parts. */
const PRIORITY: readonly KcidbStatus[] = ['FAIL', 'ERROR', 'MISS', 'PASS', 'DONE', 'SKIP'];

/**
 * kgap's statuses in KCIDB's words. An expected failure (KTAP XFAIL) is PASS, as the gate counts it good; a
 * timeout or a broken test (LTP TBROK) is ERROR: the test did not complete; an LTP warning is FAIL, as runltp
 * reports it. The exact status stays in `misc.status`.
 */
const STATUS: Readonly<Record<TestStatus, KcidbStatus>> = {
  pass: 'PASS',
  xfail: 'PASS',
  fail: 'FAIL',
  warn: 'FAIL',
  error: 'ERROR',
  timeout: 'ERROR',
  skip: 'SKIP',
};

/** A test id as a KCIDB path: `/` separates nodes, each node keeps `[A-Za-z0-9_-]` and the rest becomes `_`. */
export function kcidbPath(id: string): string {
  return id
    .split('/')
    .map((node) => node.replace(/[^A-Za-z0-9_-]/g, '_') || '_')
    .join('.');
}

function summaryStatus(statuses: Iterable<KcidbStatus>): KcidbStatus {
  let best = PRIORITY.length - 1;
  for (const s of statuses) best = Math.min(best, PRIORITY.indexOf(s));
  return PRIORITY[best] ?? 'SKIP';
}

/** The gate's finding for each candidate test id (first list wins: a regression is not also a new test). */
function findings(a: GateAssessment): Map<string, string> {
  const out = new Map<string, string>();
  const lists: [string, readonly { test?: string }[]][] = [
    ['regression', a.regressions],
    ['expected-failure', a.expectedFailures],
    ['new-failure', a.newFailures],
    ['flaky', a.flaky],
    ['lost-coverage', a.lostCoverage],
    ['fix', a.fixes],
    ['new', a.newTests],
  ];
  for (const [finding, list] of lists)
    for (const item of list) if (item.test && !out.has(item.test)) out.set(item.test, finding);
  return out;
}

/** One side's objects, plus what the issues need: its build id and the KCIDB test ids of each kgap test id. */
type Side = { checkouts: object[]; builds: object[]; tests: object[]; buildId: string; testIds: Map<string, string[]> };

function side(label: string, path: string, evidence: GateEvidence, finding: Map<string, string> | null): Side {
  const runs = [...evidence.runs].sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
  const content = runs.map((r) => `${r.source}\n${r.tests.map((t) => `${t.id}\t${t.status}`).join('\n')}`);
  const buildId = `${ORIGIN}:${label}-${hash(label, path, ...content)}`;
  const tests: object[] = [];
  const testIds = new Map<string, string[]>();
  for (const run of runs) {
    for (const t of run.tests) {
      const id = `${buildId}:${tests.length + 1}`;
      testIds.set(t.id, [...(testIds.get(t.id) ?? []), id]);
      const found = finding?.get(t.id);
      tests.push({
        id,
        build_id: buildId,
        origin: ORIGIN,
        path: kcidbPath(t.id),
        status: STATUS[t.status],
        ...(t.detail === undefined ? {} : { log_excerpt: t.detail.slice(0, MAX_EXCERPT) }),
        misc: { test: t.id, run: run.source, status: t.status, ...(found === undefined ? {} : { finding: found }) },
      });
    }
  }
  const statuses = runs.flatMap((r) => r.tests.map((t) => STATUS[t.status]));
  tests.push({
    id: `${buildId}:summary`,
    build_id: buildId,
    origin: ORIGIN,
    path: '',
    status: summaryStatus(statuses),
    comment: `${label}: ${statuses.length} results in ${runs.length} run(s)`,
  });
  const comment = `${label} of a kgap gate: ${path}`;
  return {
    checkouts: [{ id: buildId, origin: ORIGIN, comment }],
    builds: [{ id: buildId, origin: ORIGIN, checkout_id: buildId, comment }],
    tests,
    buildId,
    testIds,
  };
}

/** Tests the candidate lost (passed in the baseline, absent now): KCIDB's MISS, the harness did not run them. */
function missing(a: GateAssessment, buildId: string): object[] {
  return a.lostCoverage
    .filter((l) => l.kind === 'missing' && l.test !== undefined)
    .map((l, i) => ({
      id: `${buildId}:missing-${i + 1}`,
      build_id: buildId,
      origin: ORIGIN,
      path: kcidbPath(l.test ?? ''),
      status: 'MISS',
      log_excerpt: l.detail.slice(0, MAX_EXCERPT),
      misc: { test: l.test, finding: 'lost-coverage', baseline: l.baseline },
    }));
}

/** The KCIDB v5.3 document; validated against the published schema in the tests. */
export function renderGateKcidb(view: GateView): string {
  const a = view.assessment;
  const base = side('baseline', view.baselinePath, view.evidence.baseline, null);
  const cand = side('candidate', view.candidatePath, view.evidence.candidate, findings(a));
  const gate = {
    id: `${cand.buildId}:gate`,
    build_id: cand.buildId,
    origin: ORIGIN,
    path: 'kgap_gate',
    status: a.verdict === 'go' ? 'PASS' : 'FAIL',
    log_excerpt: a.reasons.join('\n').slice(0, MAX_EXCERPT),
    misc: {
      verdict: a.verdict,
      asOf: a.asOf,
      baseline: view.baselinePath,
      baselineBuild: base.buildId,
      policy: a.policy,
    },
  };
  const found = kcidbIssues(a, cand);
  const doc = {
    version: { major: 5, minor: 3 },
    checkouts: [...base.checkouts, ...cand.checkouts],
    builds: [...base.builds, ...cand.builds],
    tests: [...base.tests, ...cand.tests, ...missing(a, cand.buildId), gate],
    issues: found.issues,
    incidents: found.incidents,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
