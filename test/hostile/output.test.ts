/**
 * Classes 5, 9 and 11 of docs/security.md: record text and input paths cannot inject into terminals or Markdown, a
 * closed stdout ends quietly, version input is checked before it is echoed, JSON is byte-stable fresh or warm.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI } from '../helpers/run-cli.js';
import { C1_TITLE, smallVulnsRepo } from './fixtures.js';
import { assertNoTrace, assertRefused, runHostile, Scratch } from './harness.js';

const ESC = '\x1b';

describe('hostile: output injection, closed pipes, echoed input', () => {
  const s = new Scratch('output');
  let data: ReturnType<typeof smallVulnsRepo>;
  let env: Record<string, string>;
  before(() => {
    data = smallVulnsRepo(s.root);
    env = { KGAP_VULNS_REPO: data.vulnsRepo, KGAP_RELEASES: data.releases, KGAP_CACHE_DIR: s.cache };
    assert.equal(runHostile(s, ['sync'], env).code, 0);
  });
  after(() => {
    data.remove();
    s.remove();
  });

  it('a title with ESC sequences, a newline and HTML: one table row, no control bytes, no live markup', () => {
    const table = runHostile(s, ['status', '--version', '6.1.110'], env);
    assert.equal(table.code, 0, table.stderr);
    assert.ok(!table.stdout.includes(ESC), 'ESC reached the terminal');
    const rows = table.stdout.split('\n').filter((l) => /^CVE-\d{4}-\d+\s/.test(l));
    assert.deepEqual(
      rows.map((l) => l.split(/\s+/)[0]),
      ['CVE-2024-0001', 'CVE-2024-0002', 'CVE-2024-0003'].filter((id) => rows.some((l) => l.startsWith(id))),
    );
    assert.ok(!rows.some((l) => l.startsWith('CVE-2099-0001')), 'a forged row');
    assert.match(table.stdout, /net: fix \\x1b\]0;owned\\x07\\x1b\[31mred CVE-2099-0001 {2}10\.0 forged row/);

    const md = runHostile(s, ['status', '--version', '6.1.110', '--format', 'markdown'], env);
    assert.equal(md.code, 0, md.stderr);
    assert.ok(!md.stdout.includes(ESC));
    assert.doesNotMatch(md.stdout, /<img/);
    assert.match(md.stdout, /&lt;img src=x onerror=alert\(1\)&gt;/);

    const cve = runHostile(s, ['cve', 'CVE-2024-0002'], env);
    assert.equal(cve.code, 0, cve.stderr);
    assert.equal(cve.stdout.split('\n')[0]?.startsWith('CVE-2024-0002: net: fix \\x1b]0;owned'), true, cve.stdout);
    assert.ok(!cve.stdout.includes(ESC));
  });

  it('gate Markdown shows a test named <script> literally in a code span; paths cannot break out of theirs', () => {
    const base = join(s.inputs, 'base`<img src=x onerror=alert(1)>`');
    const cand = join(s.inputs, 'cand');
    mkdirSync(base);
    mkdirSync(cand);
    writeFileSync(join(base, 'kunit.ktap'), 'KTAP version 1\n1..1\nok 1 <script>alert(1)</script>\n');
    writeFileSync(join(cand, 'kunit.ktap'), 'KTAP version 1\n1..1\nnot ok 1 <script>alert(1)</script>\n');
    const r = runHostile(s, ['gate', '--baseline', base, '--candidate', cand, '--format', 'markdown'], env);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /\| `<script>alert\(1\)<\/script>` \|/);
    assert.doesNotMatch(r.stdout, /`&lt;script/, 'entities inside a code span show literally');
    assert.match(r.stdout, /Baseline `` [^`]*base`<img src=x onerror=alert\(1\)>` ``:/);
  });

  it('status | head -1: ends quietly (exit 0 or 141), no trace', () => {
    const r = spawnSync(
      'bash',
      ['-c', `'${process.execPath}' '${CLI}' status --version 6.1.110 | head -1; echo "rc=\${PIPESTATUS[0]}" >&2`],
      {
        encoding: 'utf8',
        env: { ...process.env, ...env },
        timeout: 30_000,
      },
    );
    assert.match(r.stderr, /^rc=(0|141)\n$/, r.stderr);
    assert.equal(r.stdout.split('\n').length, 2);
  });

  it('stdout on a full disk (ENOSPC): one line and exit 2, never a trace or exit 1 ("threshold met")', (t) => {
    if (!existsSync('/dev/full')) return t.skip('no /dev/full on this system');
    for (const args of [['--version'], ['status', '--version', '6.1.110', '--format', 'json'], ['--help']]) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [CLI, ...args], {
          encoding: 'utf8',
          env: { ...process.env, ...env },
          stdio: ['ignore', full, 'pipe'],
          timeout: 30_000,
        });
        assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(
          r.stderr,
          'kgap: cannot write to stdout (ENOSPC): make room where it goes, or send it elsewhere\n',
        );
      } finally {
        closeSync(full);
      }
    }
  });

  it('a version with a newline or a 20-digit number is refused in one line, shown escaped', () => {
    assertRefused(
      runHostile(s, ['status', '--version', '6.1.170\n6.1.1'], env),
      /^kgap: --version "6\.1\.170\\n6\.1\.1" is not a kernel version/,
    );
    assertRefused(
      runHostile(s, ['status', '--version', '6.1.99999999999999999999'], env),
      /^kgap: --version "6\.1\.99999999999999999999" is not a kernel version/,
    );
    assertRefused(
      runHostile(s, ['status', '--version', `6.1.170-${ESC}[31m`], env),
      /^kgap: --version "6\.1\.170-\\x1b\[31m" is not a kernel version/,
    );
  });

  it('C1 controls, DEL and bidi overrides: escaped in every format, and every JSON format still parses', () => {
    // JSON.stringify escapes C0 itself; what it leaves raw must be escaped in a form JSON accepts (\u009b), so
    // that a pipeline gets the record's text back and a terminal never sees the character.
    const RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : typeof value === 'object' && value !== null
          ? Object.values(value).flatMap(strings)
          : [];
    const jsonRuns: [string, string[]][] = [
      ...['json', 'sarif', 'cyclonedx', 'csaf', 'openvex', 'gitlab'].map((f): [string, string[]] => [
        f,
        ['status', '--version', '6.1.110', '--format', f],
      ]),
      ['cve json', ['cve', 'CVE-2024-0003', '--format', 'json']],
    ];
    for (const [name, args] of jsonRuns) {
      const r = runHostile(s, args, env);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout, RAW, `${name}: a raw control or bidi character reached stdout`);
      const doc: unknown = JSON.parse(r.stdout);
      if (name !== 'openvex') {
        assert.ok(
          strings(doc).some((text) => text.includes(C1_TITLE)),
          `${name}: the title, parsed back, is the record's`,
        );
      }
    }
    for (const format of ['table', 'markdown', 'html', 'github']) {
      const r = runHostile(s, ['status', '--version', '6.1.110', '--format', format], env);
      assert.equal(r.code, 0, `${format}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout, RAW, `${format}: a raw control or bidi character reached stdout`);
    }
    const table = runHostile(s, ['status', '--version', '6.1.110'], env);
    assert.match(table.stdout, /mm: third \\u009b31mred\\u007f \\u202eevil/);
  });

  it('cve --format json is byte-identical from a fresh and a warm cache', () => {
    const fresh = { ...env, KGAP_CACHE_DIR: join(s.root, 'fresh-cache') };
    const first = runHostile(s, ['cve', 'CVE-2024-0002', '--format', 'json'], fresh);
    const warm = runHostile(s, ['cve', 'CVE-2024-0002', '--format', 'json'], fresh);
    assert.equal(first.code, 0, first.stderr);
    assertNoTrace(first);
    assert.equal(warm.stdout, first.stdout);
    const synced = runHostile(s, ['cve', 'CVE-2024-0002', '--format', 'json'], env);
    assert.equal(synced.stdout, first.stdout);
  });
});
