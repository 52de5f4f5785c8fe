/**
 * kgap reads real test logs the way their own projects do. Driven by test/fixtures/real-logs/expected.json (see
 * ORIGIN.md there): every fact is checked against kgap's reading, or listed in NOT_APPLICABLE with the reason.
 * How kgap's reading maps to a project's words:
 * - counts are of leaf results (a suite's own result line is not a test case), except `topLevel*` (ids without `/`),
 *   `nested*` (ids with one), `levelN*` (ids with N), `suites*` (results that have children); `failed` counts a
 *   failing result without a failing descendant, as KUnit counts a failed parent of passing subtests (mainline);
 * - parse errors are kgap's problems, plus one for a run that ended early, holds no result, or is not test output;
 * - lkp-tests keys are kgap ids with the kselftest announcement `selftests: A: B` as `A.B`, `/` as `.`, `()` dropped,
 *   a trailing `: Passed` dropped (programs/kselftests/parse, PidfdStater) and blanks and colons as `_`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assessGate } from '../src/analysis/gate/assess-gate.js';
import { requireDay } from '../src/domain/day.js';
import type { ResultRun, TestResult, TestStatus } from '../src/domain/test-result.js';
import { parseResults } from '../src/sources/results/result-formats.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/real-logs/', import.meta.url));
type Fact = { kind: string; [key: string]: unknown };
const expected = JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8')) as {
  files: Record<string, { facts: Fact[] }>;
};

/** Facts kgap does not reproduce, by file and kind (or lkp key), with why. */
const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  'kunit/test_output_with_prefix_isolated_correctly.log':
    'no assertion of the kernel project reads this file in 6.12.118 (expected.json lists no fact)',
  'lkp-tests/kselftests/clone3-01 lkp clone3.make': "lkp's own build step, not a line of the log",
  'lkp-tests/kselftests/net-tls-01 lkp net.make': "lkp's own build step, not a line of the log",
  'lkp-tests/kselftests/pidfd-02 lkp pidfd.make': "lkp's own build step, not a line of the log",
  'lkp-tests/kselftests/timers-02 lkp timers.make': "lkp's own build step, not a line of the log",
  'lkp-tests/kselftests/mm-06 lkp mm.make': "lkp's own build step, not a line of the log",
  "lkp-tests/kselftests/lkdtm-01 lkp lkdtm.FORTIFIED_SUBOBJECT.sh.FORTIFIED_SUBOBJECT_missing_'call_trace_'":
    "lkp turns the diagnostic `# FORTIFIED_SUBOBJECT: missing 'call trace:'` into a test; the log has no result line for it",
  'lkp-tests/kselftests/mm-06 lkp mm.run_vmtests.sh.bash_./va_high_addr_switch.sh':
    'lkp names a test after the `# # running bash ./va_high_addr_switch.sh` banner; the result line names it va_high_addr_switch.sh',
  'lkp-tests/kselftests/mm-06 lkp mm.run_vmtests.sh.madv_populate.test_prot_read.MADV_POPULATE_READ_with_PROT_READ':
    'lkp groups results under the `# # # [RUN] test_prot_read` diagnostic; in KTAP it is not a level (kgap: madv_populate/MADV_POPULATE_READ with PROT_READ)',
  'lkp-tests/kselftests/mm-06 lkp mm.run_vmtests.sh.madv_populate.test_prot_read.MADV_POPULATE_WRITE_with_PROT_READ':
    'lkp groups results under the `# # # [RUN] test_prot_read` diagnostic; in KTAP it is not a level',
  'lkp-tests/kselftests/mm-06 lkp mm.run_vmtests.sh.madv_populate.test_prot_read':
    'a group lkp makes from the `[RUN]` diagnostic, not a result line',
  'lkp-tests/kselftests/mm-06 lkp mm.run_vmtests.sh.PKEY_tests_for_unsupported_CPU/OS':
    'lkp reads `# # running PKEY tests for unsupported CPU/OS` + `# # [PASS]` as a test; the log has no result line for it',
  'lkp-tests/ltp/1':
    "kirk's console output (coloured `name: pass` lines): kgap reads kirk's results.json and runltp/ltp-pan output, not kirk's console text",
  'lkp-tests/xfstests/generic-mixed':
    "fstests' `./check` output: kgap has no fstests parser; run the tests with a JUnit report (fstests `-R xunit`) instead",
  'ltp/lkp-kirk-fs-00-proc01-fail.report.txt':
    "a kernel test robot mail quoting kirk's console output: not a results format kgap reads",
};

const BAD: readonly TestStatus[] = ['fail', 'error', 'timeout', 'warn'];
const hasChildren = (run: ResultRun, id: string): boolean => run.tests.some((t) => t.id.startsWith(`${id}/`));
const depth = (t: TestResult): number => t.id.split('/').length - 1;

/** KUnit's reading of a run: the word its tool would give, on kgap's results. */
function overallOf(run: ResultRun | null): string {
  if (run === null) return 'unparseable';
  if (run.tests.length === 0) return 'no-tests';
  if (run.endedEarly !== null) return 'crashed';
  if (run.tests.some((t) => BAD.includes(t.status))) return 'fail';
  return run.tests.every((t) => t.status === 'skip') ? 'skip' : 'pass';
}

function errorsOf(run: ResultRun | null): number {
  if (run === null) return 1;
  return run.problems.length + (run.endedEarly === null ? 0 : 1) + (run.tests.length === 0 ? 1 : 0);
}

/** One count field of a fact, on kgap's results. */
function count(run: ResultRun, field: string): number {
  const scope = /^(topLevel|nested|level(\d)|leaf|suites)?(.*)$/.exec(field) as RegExpExecArray;
  const [, where, level, what] = scope;
  let tests = run.tests.filter((t) => !hasChildren(run, t.id));
  if (where === 'topLevel') tests = run.tests.filter((t) => depth(t) === 0);
  else if (where === 'nested') tests = run.tests.filter((t) => depth(t) === 1);
  else if (level !== undefined) tests = run.tests.filter((t) => depth(t) === Number(level));
  else if (where === 'suites') tests = run.tests.filter((t) => hasChildren(run, t.id));
  const failing = (t: TestResult) => BAD.includes(t.status);
  switch (what?.replace(/^./, (c) => c.toLowerCase())) {
    case 'total':
    case 'results':
      return tests.length;
    case 'passed':
      return tests.filter((t) => t.status === 'pass' || t.status === 'xfail').length;
    case 'skipped':
      return tests.filter((t) => t.status === 'skip').length;
    case 'failed':
      if (where !== undefined) return tests.filter(failing).length;
      return run.tests.filter((t) => failing(t) && !run.tests.some((c) => c.id.startsWith(`${t.id}/`) && failing(c)))
        .length;
    case 'errors':
      return errorsOf(run);
    default:
      throw new Error(`no mapping for count field ${field}`);
  }
}

const lkpKey = (id: string): string =>
  id
    .split('/')
    .map((seg) => {
      const announced = /^selftests: (\S+): (.+)$/.exec(seg);
      if (announced) return `${announced[1]}.${announced[2]}`;
      return seg
        .replace(/: (pass(ed)?|Skipping test)$/i, '')
        .replace(/\(\)/g, '')
        .replace(/[\s:]/g, '_');
    })
    .join('.');
const lkpStatus = (s: TestStatus): string => (s === 'xfail' ? 'pass' : BAD.includes(s) ? 'fail' : s);
const findTest = (run: ResultRun, id: string): TestResult | undefined =>
  run.tests.find((t) => t.id === id || t.id.endsWith(`/${id}`));

function check(file: string, fact: Fact, run: ResultRun | null): void {
  const need = (): ResultRun => {
    assert.ok(run, `${file}: kgap reads no test output`);
    return run;
  };
  switch (fact.kind) {
    case 'overall':
      assert.equal(overallOf(run), fact.status);
      return;
    case 'parseErrors':
      if (fact.value === '>=1') assert.ok(errorsOf(run) >= 1);
      else assert.equal(errorsOf(run), fact.value, JSON.stringify(run?.problems));
      return;
    case 'noTests': {
      assert.ok(run === null || run.tests.length === 0);
      if (run !== null) {
        // A results file with no results is lost coverage: the gate says no-go, never a silent pass.
        const empty = { runs: [], crashes: [], consoleLogs: [] };
        const gate = assessGate(empty, { ...empty, runs: [run] }, { asOf: requireDay('asOf', '2026-12-06') });
        assert.equal(gate.verdict, 'no-go');
        assert.ok(gate.lostCoverage.some((l) => l.kind === 'no-results' && l.run === file));
      }
      return;
    }
    case 'topLevelNames': {
      const names = need()
        .tests.filter((t) => depth(t) === 0)
        .map((t) => t.id);
      assert.deepEqual(names.slice(0, (fact.names as string[]).length), fact.names);
      return;
    }
    case 'test': {
      const id = fact.id as string;
      const unnamed = /^(.*)\/<unnamed #\d+>$/.exec(id);
      if (unnamed) {
        // KUnit invents a result for the test a crash cut off; kgap reports the run as ended inside its suite.
        assert.match(need().endedEarly ?? '', new RegExp(`ends inside ${unnamed[1]}`));
        return;
      }
      const t = findTest(need(), id);
      assert.ok(t, `${file}: no result ${id}`);
      assert.equal(lkpStatus(t.status), fact.status);
      return;
    }
    case 'counts':
      for (const [field, value] of Object.entries(fact)) {
        if (field === 'kind' || field === 'source') continue;
        assert.equal(count(need(), field), value, `${file} ${field}`);
      }
      return;
    case 'subtestStatus': {
      // KUnit's NO_TESTS: kgap keeps the result line's verdict and records the empty block as a problem.
      const path = fact.path as string;
      assert.ok(findTest(need(), path), path);
      assert.ok(
        need().problems.some((p) => p.startsWith(`${path.split('/').pop()} announced subtests but reported none`)),
      );
      return;
    }
    case 'message': {
      const text = fact.text as string;
      const suite = /^(\S+) \((\d+) subtests?\)$/.exec(text);
      if (suite) {
        const children = need().tests.filter((t) => t.id.startsWith(`${suite[1]}/`) && depth(t) === 1);
        assert.equal(children.length, Number(suite[2]));
      } else {
        assert.equal(text, 'Could not find any KTAP output.');
        assert.equal(run, null);
      }
      return;
    }
    case 'ktapLines': {
      // The lines KUnit's extractor keeps (indentation stripped): kgap reads the same results, name and status,
      // from the noisy log as from those lines alone.
      const results = (fact.lines as string[]).flatMap((l) => {
        const m = /^(not ok|ok) \d+ - (.+)$/.exec(l);
        return m ? [`${m[2]} ${m[1] === 'ok' ? 'pass' : 'fail'}`] : [];
      });
      assert.deepEqual(
        need().tests.map((t) => `${t.id.split('/').pop()} ${t.status}`),
        results,
      );
      return;
    }
    case 'noTopLevel':
      assert.ok(need().tests.length > 0, 'results nested under a runner with no top-level line are read');
      return;
    case 'summaryLine': {
      const m = /pass:(\d+) fail:(\d+) skip:(\d+) total:(\d+)/.exec(fact.text as string) as RegExpExecArray;
      const r = need();
      assert.deepEqual(
        [count(r, 'passed'), count(r, 'failed'), count(r, 'skipped'), count(r, 'total')],
        m.slice(1).map(Number),
      );
      return;
    }
    case 'lkpStats': {
      const r = need();
      const keys = new Map(r.tests.map((t) => [lkpKey(t.id), lkpStatus(t.status)]));
      for (const e of fact.entries as { key: string; status: string }[]) {
        if (NOT_APPLICABLE[`${file} lkp ${e.key}`] !== undefined) continue;
        assert.equal(
          keys.get(e.key),
          e.status,
          `${file}: lkp ${e.key}.${e.status} (kgap: ${[...keys.keys()].join(', ')})`,
        );
      }
      return;
    }
    default:
      throw new Error(`${file}: no check for fact kind ${fact.kind}`);
  }
}

describe('real test logs: kgap reads what their own projects assert (test/fixtures/real-logs)', () => {
  for (const [file, entry] of Object.entries(expected.files)) {
    const skip = NOT_APPLICABLE[file];
    it(file, { skip: skip === undefined ? false : `not applicable: ${skip}` }, () => {
      const run = parseResults(readFileSync(`${DIR}${file}`, 'utf8'), { source: file });
      for (const fact of entry.facts) check(file, fact, run);
    });
  }

  it('every not-applicable entry names a file or lkp key of expected.json', () => {
    for (const key of Object.keys(NOT_APPLICABLE)) {
      const [file, , lkp] = key.split(' ');
      const entry = expected.files[file as string];
      assert.ok(entry, key);
      if (lkp !== undefined) {
        const keys = entry.facts.flatMap((f) => (f.kind === 'lkpStats' ? (f.entries as { key: string }[]) : []));
        assert.ok(
          keys.some((e) => e.key === key.slice(key.indexOf(' lkp ') + 5)),
          key,
        );
      }
    }
  });
});
