/**
 * End-to-end `kgap gate` runs of the built CLI on the fixture scenario in test/fixtures/results/gate:
 * two KUnit runs per side (one flaky test), runltp vs kirk results for the same LTP tests, console logs with
 * a WARN present on both sides and a new KASAN report, and a known-issues file with a live and an expired
 * entry. Rendered output is compared with golden files (UPDATE_GOLDEN=1 rewrites them).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertGolden } from './helpers/golden.js';
import { runCli } from './helpers/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GATE = 'test/fixtures/results/gate';
const base = [`${GATE}/baseline`, `${GATE}/candidate`];
const args = ['gate', '--baseline', base[0] as string, '--candidate', base[1] as string];
const known = ['--known-issues', `${GATE}/known-issues.json`, '--as-of', '2026-11-28'];

function kgap(extra: readonly string[]) {
  const previous = process.cwd();
  process.chdir(ROOT);
  try {
    return runCli(extra);
  } finally {
    process.chdir(previous);
  }
}

describe('kgap gate (fixture scenario)', () => {
  const formats: [string, string][] = [
    ['json', 'gate.json'],
    ['markdown', 'gate.md'],
    ['junit', 'gate.junit.xml'],
    ['table', 'gate.txt'],
  ];
  for (const [format, file] of formats) {
    it(`--format ${format}: no-go, exit 1, output as the golden file`, () => {
      const r = kgap([...args, ...known, '--format', format]);
      assert.equal(r.code, 1, r.stderr);
      assertGolden(file, r.stdout);
    });
  }
  it('the JSON report holds the issue-required lists with the expected entries', () => {
    const doc = JSON.parse(kgap([...args, ...known, '--format', 'json']).stdout);
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.verdict, 'no-go');
    assert.deepEqual(
      doc.regressions.map((r: { test: string }) => r.test),
      ['ltp/oom01', 'mm-kunit', 'mm-kunit/mm_alloc_test'],
    );
    assert.equal(doc.regressions[0].knownIssue.expired, true);
    assert.deepEqual(
      doc.fixes.map((r: { test: string }) => r.test),
      ['list-kunit-test', 'list-kunit-test/list_test_list_add', 'ltp/fcntl14'],
    );
    assert.deepEqual(
      doc.flaky.map((r: { test: string }) => r.test),
      ['mm-kunit/mm_flaky_test'],
    );
    assert.deepEqual(
      doc.lostCoverage.map((r: { kind: string }) => r.kind),
      ['missing', 'skipped'],
    );
    assert.deepEqual(
      doc.newCrashes.map((r: { kind: string }) => r.kind),
      ['kasan'],
    );
    assert.deepEqual(
      doc.expectedFailures.map((r: { test: string }) => r.test),
      ['ltp/madvise06'],
    );
  });
  it('the byte-stable JSON is identical across runs', () => {
    assert.equal(
      kgap([...args, ...known, '--format', 'json']).stdout,
      kgap([...args, ...known, '--format', 'json']).stdout,
    );
  });
  it('baseline against itself is go, exit 0', () => {
    const r = kgap([
      'gate',
      '--baseline',
      base[0] as string,
      '--candidate',
      base[0] as string,
      '--as-of',
      '2026-11-28',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^verdict: go\n/);
  });
  it('policy flags: allowing lost coverage does not hide regressions', () => {
    const r = kgap([...args, ...known, '--allow-lost-coverage', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.policy.allowLostCoverage, true);
    assert.equal(r.code, 1);
  });
});

describe('kgap gate: bad input exits 2 with a message that says what to do', () => {
  const work = mkdtempSync(join(tmpdir(), 'kgap-gate-cli-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  writeFileSync(join(work, 'bad-known.json'), '{"schemaVersion":1,"issues":[{"test":"x","reason":"r"}]}');
  writeFileSync(join(work, 'notes.md'), 'nothing to see\n');
  const cases: [string, string[], RegExp][] = [
    ['missing --candidate', ['gate', '--baseline', base[0] as string], /needs --baseline DIR and --candidate DIR/],
    [
      'no such directory',
      ['gate', '--baseline', base[0] as string, '--candidate', join(work, 'nope')],
      /--candidate .*no such file or directory/,
    ],
    [
      'a directory without results',
      ['gate', '--baseline', base[0] as string, '--candidate', work],
      /--candidate .*no test results/,
    ],
    ['an invalid known-issues file', [...args, '--known-issues', join(work, 'bad-known.json')], /issues\.0\.expires/],
    ['a malformed --as-of', [...args, '--as-of', '28/11/2026'], /--as-of takes a day as YYYY-MM-DD/],
  ];
  for (const [name, argv, message] of cases) {
    it(name, () => {
      const r = kgap(argv);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }
});
