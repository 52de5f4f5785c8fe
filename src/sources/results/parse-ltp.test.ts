import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ResultRun } from '../../domain/test-result.js';
import { statusFromLtpExit } from './ltp-exit.js';
import { parseKirkJson } from './parse-kirk-json.js';
import { parseLtpOutput } from './parse-ltp-output.js';
import { parseLtpResults } from './parse-ltp-results.js';

const FIXTURES = new URL('../../../../test/fixtures/results/formats/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const summary = (run: ResultRun): string[] => run.tests.map((t) => `${t.id} ${t.status}`);

describe('statusFromLtpExit', () => {
  const cases: [number, string][] = [
    [0, 'pass'],
    [1, 'fail'],
    [2, 'error'],
    [3, 'error'], // TFAIL | TBROK: broken wins
    [4, 'warn'],
    [16, 'pass'], // TINFO only
    [32, 'skip'],
    [33, 'fail'], // TFAIL | TCONF: a failure is not hidden by a skipped subcase
    [137, 'fail'], // not an LTP flag combination the harness expects
    [-1, 'error'],
  ];
  for (const [code, want] of cases) it(`${code} -> ${want}`, () => assert.equal(statusFromLtpExit(code), want));
});

describe('parseLtpResults (runltp -l)', () => {
  it('reads the table and decodes exit values', () => {
    const run = parseLtpResults(fixture('runltp-results.log'), { source: 'r' });
    assert.deepEqual(summary(run), [
      'ltp/abort01 pass',
      'ltp/accept01 pass',
      'ltp/fcntl14 fail',
      'ltp/mmap001 skip',
      'ltp/memcg_stress error',
      'ltp/cve-2017-17052 warn',
      'ltp/madvise06 pass',
    ]);
    assert.equal(run.endedEarly, null);
    assert.deepEqual(run.problems, []);
    assert.equal(run.tests[2]?.detail, 'exit value 1');
  });
  it('a table without its footer is a run that ended early', () => {
    const run = parseLtpResults(fixture('runltp-results-unfinished.log'), { source: 'r' });
    assert.equal(run.tests.length, 5);
    assert.match(run.endedEarly ?? '', /no "Total Tests:" footer/);
  });
});

describe('parseLtpOutput (ltp-pan -o)', () => {
  it('reads records, signals and the record the machine died in', () => {
    const run = parseLtpOutput(fixture('ltp-pan-output.log'), { source: 'o' });
    assert.deepEqual(summary(run), ['ltp/abort01 pass', 'ltp/fcntl14 fail', 'ltp/oom01 error']);
    assert.equal(run.tests[1]?.detail, 'TFAIL: fcntl14.c:452: lock on second test case failed');
    assert.equal(run.tests[2]?.detail, 'signaled 9');
    assert.equal(run.endedEarly, 'test mmap001 has no <<<test_end>>>');
  });
});

describe('parseKirkJson', () => {
  it('uses the status word, then the counters; bad records are problems', () => {
    const run = parseKirkJson(fixture('kirk-results.json'), { source: 'k' });
    assert.deepEqual(summary(run), [
      'ltp/abort01 pass',
      'ltp/fcntl14 fail',
      'ltp/mmap001 skip',
      'ltp/memcg_stress error',
    ]);
    assert.equal(run.tests[1]?.detail, 'TFAIL: lock on second test case failed');
    assert.equal(run.problems.length, 1);
    assert.match(run.problems[0] ?? '', /^results\[4\]/);
  });
  it('truncated JSON is a run that ended early', () => {
    const text = fixture('kirk-results.json');
    const run = parseKirkJson(text.slice(0, text.length / 2), { source: 'k' });
    assert.deepEqual(run.tests, []);
    assert.match(run.endedEarly ?? '', /^not complete JSON/);
  });
  it('same test, same id across LTP formats', () => {
    const ids = (run: ResultRun) => new Set(run.tests.map((t) => t.id));
    const kirk = ids(parseKirkJson(fixture('kirk-results.json'), { source: 'k' }));
    const runltp = ids(parseLtpResults(fixture('runltp-results.log'), { source: 'r' }));
    assert.ok(kirk.has('ltp/fcntl14') && runltp.has('ltp/fcntl14'));
  });
});
