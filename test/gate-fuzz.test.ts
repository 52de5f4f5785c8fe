/**
 * Robustness: every results parser (and the crash scanner) takes arbitrary text without throwing and
 * returns well-formed results. 10,000 generated inputs per parser, small ones, built from each format's own
 * tokens mixed with random characters so the generator reaches the parsers' corners (nesting, directives,
 * truncation) rather than only rejecting noise. The seed is fixed for a reproducible CI run; set
 * KGAP_FUZZ_SEED to explore others.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type ResultRun, TEST_STATUSES } from '../src/domain/test-result.js';
import { parseCrashes } from '../src/sources/results/parse-crashes.js';
import { parseJunit } from '../src/sources/results/parse-junit.js';
import { parseKirkJson } from '../src/sources/results/parse-kirk-json.js';
import { parseKnownIssues } from '../src/sources/results/parse-known-issues.js';
import { parseKtap } from '../src/sources/results/parse-ktap.js';
import { parseLtpOutput } from '../src/sources/results/parse-ltp-output.js';
import { parseLtpResults } from '../src/sources/results/parse-ltp-results.js';
import { parseResults } from '../src/sources/results/result-formats.js';

const RUNS = 10_000;
const seed = Number(process.env.KGAP_FUZZ_SEED ?? 20261128);
const statuses = new Set<string>(TEST_STATUSES);

/** Lines of 1-3 tokens (format tokens or random text), joined with \n, \r\n or nothing. */
function textOf(tokens: readonly string[]): fc.Arbitrary<string> {
  const token = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...tokens) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '    ', '\t', '# ', '[    1.234567] ', '<6>') },
  );
  const line = fc.array(token, { minLength: 1, maxLength: 3 }).map((t) => t.join(''));
  return fc
    .tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n', ''))
    .map(([lines, eol]) => lines.join(eol === '' ? '\n' : eol) + eol);
}

function wellFormed(run: ResultRun): void {
  assert.ok(Array.isArray(run.tests) && Array.isArray(run.problems));
  for (const t of run.tests) {
    assert.equal(typeof t.id, 'string');
    assert.ok(t.id.length > 0, 'empty test id');
    assert.ok(statuses.has(t.status), `bad status ${t.status}`);
  }
  assert.ok(run.endedEarly === null || typeof run.endedEarly === 'string');
}

const KTAP_TOKENS = [
  'KTAP version 1',
  'TAP version 13',
  'TAP version 14',
  '1..0',
  '1..2',
  '1..3',
  'ok',
  'ok 1',
  'not ok 2',
  'ok 1 a',
  'not ok 1 b',
  ' - name',
  ' # SKIP',
  ' # TODO',
  ' # XFAIL',
  ' # TIMEOUT',
  ' # ERROR x',
  ' # skip',
  ' \\# ',
  'ok 3 c # ',
  '# Subtest: s',
  '# Subtest:',
  '# Totals: pass:1 fail:0',
  'Bail out!',
  '---',
  '...',
  '# # ok 1',
  '#',
  '    KTAP version 1',
];
const LTP_TOKENS = [
  'Testcase                                           Result     Exit Value',
  '--------',
  'abort01',
  'PASS',
  'FAIL',
  'CONF',
  'BROK',
  '       ',
  '0',
  '1',
  '32',
  '-1',
  'Total Tests: 3',
  '<<<test_start>>>',
  '<<<test_end>>>',
  '<<<test_output>>>',
  '<<<execution_status>>>',
  'tag=x',
  'tag=',
  'termination_type=exited termination_id=1',
  'termination_type=signaled termination_id=9',
  'TFAIL: m',
  'TBROK  :  m',
];
const XML_TOKENS = [
  '<?xml version="1.0"?>',
  '<testsuites>',
  '</testsuites>',
  '<testsuite name="s">',
  '</testsuite>',
  '<testcase name="t"',
  ' classname="c"',
  ' status="run"',
  ' status="notrun"',
  '>',
  '/>',
  '</testcase>',
  '<failure message="m">',
  '</failure>',
  '<error/>',
  '<skipped/>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '&amp;',
  '&#x41;',
  '&bogus;',
  '"',
  "'",
  '<',
  '</',
];
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"results"',
  '"test_fqn"',
  '"status"',
  '"pass"',
  '"fail"',
  '"brok"',
  '"conf"',
  '"test"',
  '"retval"',
  '["1"]',
  '"failed"',
  '1',
  'null',
  '"x"',
  '{"results":[',
  '{"test_fqn":"a","status":"pass"}',
];
const CONSOLE_TOKENS = [
  'BUG: ',
  'WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2',
  'Oops: 0000 [#1]',
  'KASAN: ',
  'UBSAN: ',
  'Kernel panic - not syncing: x',
  'Call Trace:',
  ' ? f+0x1/0x2',
  ' g+0x10/0x20',
  'RIP: 0010:h+0x1/0x2',
  'INFO: task a:1 blocked for more than 1 seconds.',
  'rcu: INFO: rcu_sched detected stalls',
  'watchdog: BUG: soft lockup - CPU#0 stuck for 1s!',
  '0xffff',
  'ffffffff81000000',
];

const parsers: [string, fc.Arbitrary<string>, (text: string) => void][] = [
  ['parseKtap', textOf(KTAP_TOKENS), (t) => wellFormed(parseKtap(t, { source: 'f' }))],
  ['parseLtpResults', textOf(LTP_TOKENS), (t) => wellFormed(parseLtpResults(t, { source: 'f' }))],
  ['parseLtpOutput', textOf(LTP_TOKENS), (t) => wellFormed(parseLtpOutput(t, { source: 'f' }))],
  ['parseJunit', textOf(XML_TOKENS), (t) => wellFormed(parseJunit(t, { source: 'f' }))],
  ['parseKirkJson', textOf(JSON_TOKENS), (t) => wellFormed(parseKirkJson(t, { source: 'f' }))],
  [
    'parseResults (detection)',
    textOf([...KTAP_TOKENS, ...LTP_TOKENS, ...XML_TOKENS.slice(0, 8), ...JSON_TOKENS.slice(0, 8)]),
    (t) => {
      const run = parseResults(t, { source: 'f' });
      if (run !== null) wellFormed(run);
    },
  ],
  [
    'parseCrashes',
    textOf(CONSOLE_TOKENS),
    (t) => {
      for (const c of parseCrashes(t, { source: 'f' })) {
        assert.ok(c.count >= 1 && c.line >= 1 && c.signature.startsWith(`${c.kind}: `));
      }
    },
  ],
  [
    'parseKnownIssues',
    textOf([
      '{"schemaVersion":1,"issues":[',
      '{"test":"a","reason":"r","expires":"2026-01-01"}',
      ']}',
      ',',
      '"crash"',
      '{',
      '}',
    ]),
    (t) => {
      const r = parseKnownIssues(t);
      assert.ok(r.issues.length === 0 || r.problems.length === 0);
    },
  ],
];

describe('results parsers never throw', () => {
  for (const [name, arbitrary, check] of parsers) {
    it(`${name}: ${RUNS} generated inputs`, () => {
      fc.assert(fc.property(arbitrary, check), { numRuns: RUNS, seed });
    });
  }
  it('parseKtap is deterministic and its result count is bounded by the result lines', () => {
    fc.assert(
      fc.property(textOf(KTAP_TOKENS), (t) => {
        const a = parseKtap(t, { source: 'f' });
        assert.deepEqual(parseKtap(t, { source: 'f' }), a);
        const resultLines = t.split('\n').filter((l) => /\bok\b/.test(l)).length;
        assert.ok(a.tests.length <= resultLines, `${a.tests.length} tests from ${resultLines} result lines`);
      }),
      { numRuns: 2000, seed },
    );
  });
});
