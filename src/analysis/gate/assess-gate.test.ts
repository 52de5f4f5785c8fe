import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Crash } from '../../domain/crash.js';
import type { GateEvidence } from '../../domain/gate-evidence.js';
import type { KnownIssue } from '../../domain/known-issue.js';
import type { ResultRun, TestStatus } from '../../domain/test-result.js';
import { assessGate } from './assess-gate.js';

/** A run from `id: status` pairs. */
function run(source: string, tests: Record<string, TestStatus>, endedEarly: string | null = null): ResultRun {
  const list = Object.entries(tests).map(([id, status]) => ({ id, status }));
  return { source, format: 'ktap', tests: list, endedEarly, problems: [] };
}
function side(runs: ResultRun[], crashes: Crash[] = []): GateEvidence {
  return { runs, crashes, consoleLogs: crashes.length > 0 ? ['console.log'] : [] };
}
function crash(signature: string): Crash {
  return { kind: 'warning', signature, count: 1, source: 'console.log', line: 1, example: signature };
}
const asOf = '2026-11-28';
const known = (test: string, expires: string): KnownIssue => ({
  test,
  crash: null,
  reason: 'vendor bug 123',
  expires,
  link: null,
});

describe('assessGate: per-test rules', () => {
  const base = side([run('b.ktap', { a: 'pass', b: 'fail', c: 'pass', d: 'pass', e: 'pass', f: 'skip', g: 'fail' })]);
  const cand = side([
    run('c.ktap', { a: 'fail', b: 'pass', c: 'skip', e: 'xfail', f: 'fail', g: 'timeout', n: 'fail' }),
  ]);
  const a = assessGate(base, cand, { asOf });

  it('pass -> fail is a regression', () =>
    assert.deepEqual(
      a.regressions.map((r) => `${r.test} ${r.baseline}->${r.candidate}`),
      ['a pass->fail'],
    ));
  it('fail -> pass is a fix', () =>
    assert.deepEqual(
      a.fixes.map((f) => f.test),
      ['b'],
    ));
  it('pass -> skip and pass -> missing are lost coverage', () =>
    assert.deepEqual(
      a.lostCoverage.map((l) => `${l.kind} ${l.test}`),
      ['skipped c', 'missing d'],
    ));
  it('xfail counts as passing; fail -> timeout is still failing', () => {
    assert.equal(a.counts.unchangedPass, 1);
    assert.equal(a.counts.stillFailing, 1);
  });
  it('new tests are listed; new or previously skipped failures do not block by default', () => {
    assert.deepEqual(
      a.newTests.map((t) => t.test),
      ['n'],
    );
    assert.deepEqual(
      a.newFailures.map((t) => t.test),
      ['f', 'n'],
    );
  });
  it('no-go, with regressions and lost coverage as the reasons', () => {
    assert.equal(a.verdict, 'no-go');
    assert.match(a.reasons[0] ?? '', /^1 regression: a \(pass -> fail\)$/);
    assert.match(a.reasons[1] ?? '', /^2 cases of lost coverage: c \(skipped\), d \(missing\)$/);
  });
});

describe('assessGate: several runs per side', () => {
  const base = side([run('1.ktap', { t: 'pass', u: 'pass' }), run('2.ktap', { t: 'pass', u: 'pass' })]);
  const cand = side([run('1.ktap', { t: 'pass', u: 'pass' }), run('2.ktap', { t: 'fail', u: 'pass' })]);
  it('mixed results in the candidate are flaky, not a regression, by default', () => {
    const a = assessGate(base, cand, { asOf });
    assert.equal(a.verdict, 'go');
    assert.deepEqual(
      a.flaky.map((f) => `${f.test} ${f.side} ${f.candidate}`),
      ['t candidate fail 1, pass 1'],
    );
    assert.deepEqual(a.regressions, []);
    assert.match(a.reasons[1] ?? '', /flaky in the candidate.*\(not blocking\)$/);
  });
  it('policy flakyIsRegression makes it block', () => {
    const a = assessGate(base, cand, { asOf, policy: { flakyIsRegression: true } });
    assert.equal(a.verdict, 'no-go');
  });
});

describe('assessGate: repeated ids within one run', () => {
  it('count as repeated results (runltp -i 3, kirk iterations), so flakiness shows', () => {
    const repeated: ResultRun = {
      source: 'kirk.json',
      format: 'kirk-json',
      tests: [
        { id: 'ltp/x', status: 'pass' },
        { id: 'ltp/x', status: 'fail' },
        { id: 'ltp/x', status: 'pass' },
      ],
      endedEarly: null,
      problems: [],
    };
    const a = assessGate(side([run('b', { 'ltp/x': 'pass' })]), side([repeated]), { asOf });
    assert.deepEqual(
      a.flaky.map((f) => `${f.test} ${f.candidate}`),
      ['ltp/x fail 1, pass 2'],
    );
  });
});

describe('assessGate: runs that ended early', () => {
  const base = side([run('boot.ktap', { x: 'pass', y: 'pass' })]);
  const cand = side([run('boot.ktap', { x: 'pass' }, 'output ends inside kasan')]);
  it('the stopped run and the tests it never reached are lost coverage', () => {
    const a = assessGate(base, cand, { asOf });
    assert.equal(a.verdict, 'no-go');
    assert.deepEqual(
      a.lostCoverage.map((l) => `${l.kind} ${l.run ?? l.test}`),
      ['ended-early boot.ktap', 'missing y'],
    );
    assert.match(a.lostCoverage[1]?.detail ?? '', /ended early: boot\.ktap/);
  });
  it('allowLostCoverage turns it into a note', () => {
    const a = assessGate(base, cand, { asOf, policy: { allowLostCoverage: true } });
    assert.equal(a.verdict, 'go');
    assert.match(a.reasons.join('\n'), /\(allowed by policy\)/);
  });
});

describe('assessGate: known issues', () => {
  const base = side([run('b', { 'ltp/fcntl14': 'pass', 'ltp/oom01': 'pass' })]);
  const cand = side([run('c', { 'ltp/fcntl14': 'fail', 'ltp/oom01': 'fail' })]);
  it('an unexpired entry excuses; an expired one does not and says so', () => {
    const a = assessGate(base, cand, {
      asOf,
      knownIssues: [known('ltp/fcntl*', '2026-11-28'), known('ltp/oom01', '2026-11-27')],
    });
    assert.deepEqual(
      a.expectedFailures.map((e) => e.test),
      ['ltp/fcntl14'],
    );
    assert.deepEqual(
      a.regressions.map((r) => [r.test, r.knownIssue?.expired]),
      [['ltp/oom01', true]],
    );
    assert.match(a.reasons[0] ?? '', /1 with an expired known issue/);
  });
});

describe('assessGate: crash signatures', () => {
  it('a signature the baseline lacks is a new crash and blocks; one that went away is reported', () => {
    const a = assessGate(
      side([run('b', { t: 'pass' })], [crash('warning: old')]),
      side([run('c', { t: 'pass' })], [crash('warning: new')]),
      { asOf },
    );
    assert.equal(a.verdict, 'no-go');
    assert.deepEqual(
      a.newCrashes.map((c) => c.signature),
      ['warning: new'],
    );
    assert.deepEqual(
      a.goneCrashes.map((c) => c.signature),
      ['warning: old'],
    );
  });
  it('a crash known issue excuses it', () => {
    const issue: KnownIssue = { test: null, crash: 'warning: n*', reason: 'r', expires: '2027-01-01', link: null };
    const a = assessGate(side([run('b', { t: 'pass' })]), side([run('c', { t: 'pass' })], [crash('warning: new')]), {
      asOf,
      knownIssues: [issue],
    });
    assert.equal(a.verdict, 'go');
    assert.deepEqual(
      a.expectedFailures.map((e) => e.test),
      ['crash: warning: new'],
    );
  });
});

describe('assessGate: go', () => {
  it('identical evidence is go, with the number of compared tests', () => {
    const s = side([run('r', { a: 'pass', b: 'skip', c: 'fail' })]);
    const a = assessGate(s, s, { asOf });
    assert.equal(a.verdict, 'go');
    assert.deepEqual(a.reasons, ['no regressions, new crashes or lost coverage across 3 compared tests']);
  });
});

describe('assessGate: a results file with no results (issue 11)', () => {
  const empty = (source: string): ResultRun => ({ source, format: 'ktap', tests: [], endedEarly: null, problems: [] });
  it('a candidate run that yields no test is lost coverage, never a silent pass', () => {
    const a = assessGate(
      side([run('kunit.ktap', { x: 'pass' })]),
      side([run('kunit.ktap', { x: 'pass' }), empty('tls.log')]),
      {
        asOf,
      },
    );
    assert.equal(a.verdict, 'no-go');
    assert.deepEqual(
      a.lostCoverage.map((l) => `${l.kind} ${l.run}`),
      ['no-results tls.log'],
    );
    assert.match(a.reasons[0] ?? '', /run tls\.log holds no test results/);
  });
  it('on the baseline side it is a note', () => {
    const a = assessGate(side([run('k.ktap', { x: 'pass' }), empty('old.log')]), side([run('k.ktap', { x: 'pass' })]), {
      asOf,
    });
    assert.equal(a.verdict, 'go');
    assert.match(a.reasons.join('\n'), /baseline results file\(s\) with no test results: old\.log/);
  });
});
