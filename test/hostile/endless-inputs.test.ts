/**
 * Class 3 and 10 of docs/security.md: endless inputs, compression bombs and deep nesting end quickly with a message
 * naming the limit, and leave nothing behind.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { smallVulnsRepo } from './fixtures.js';
import { assertNoTrace, assertRefused, runHostile, Scratch } from './harness.js';

const LIMIT = String(16 * 1024 * 1024);

describe('hostile: endless and bomb inputs', () => {
  const s = new Scratch('bombs');
  let gzipBomb: string;
  let tarBomb: string;
  let config: string;
  let data: ReturnType<typeof smallVulnsRepo>;
  let env: Record<string, string>;
  before(() => {
    data = smallVulnsRepo(s.root);
    env = { KGAP_VULNS_REPO: data.vulnsRepo, KGAP_RELEASES: data.releases, KGAP_MAX_INPUT_BYTES: LIMIT };
    // 256 MiB of zeros gzipped (~250 KB) and a tar holding a 256 MiB zero file, xz-compressed (~40 KB).
    gzipBomb = join(s.inputs, 'config.gz');
    execFileSync('sh', ['-c', `head -c 268435456 /dev/zero | gzip -1 > '${gzipBomb}'`]);
    const stage = join(s.root, 'bomb');
    mkdirSync(join(stage, 'linux'), { recursive: true });
    execFileSync('sh', ['-c', `head -c 268435456 /dev/zero > '${join(stage, 'linux', 'zeros')}'`]);
    tarBomb = join(s.inputs, 'bomb.tar.xz');
    execFileSync('sh', ['-c', `tar -C '${stage}' -cf - linux | xz -1 > '${tarBomb}'`]);
    execFileSync('rm', ['-rf', stage]);
    config = join(s.inputs, 'product.config');
    writeFileSync(config, '# Linux/x86 6.1.170 Kernel Configuration\nCONFIG_NET=y\nCONFIG_X86_64=y\n');
  });
  after(() => {
    data.remove();
    s.remove();
  });

  it('harden --config /dev/zero: refused at once (a device is not a file)', () => {
    const r = runHostile(s, ['harden', '--config', '/dev/zero', '--cache-dir', s.cache], env);
    assertRefused(r, /^kgap: --config \/dev\/zero is a device or socket, not a file; give a file$/);
  });

  it('diff --changelog on an endless pipe: refused at the input limit, naming KGAP_MAX_INPUT_BYTES', () => {
    const fifo = join(s.root, 'endless');
    execFileSync('mkfifo', [fifo]);
    // A writer that never stops: kgap must stop reading at the limit, not wait for the end.
    const writer = spawn('sh', ['-c', `exec cat /dev/zero > '${fifo}'`], { stdio: 'ignore' });
    const r = runHostile(
      s,
      ['diff', '--from', '6.1.170', '--to', '6.1.183', '--changelog', fifo, '--cache-dir', s.cache],
      env,
    );
    assertRefused(r, /--changelog .*endless is larger than 16 MiB \(KGAP_MAX_INPUT_BYTES\)/);
    writer.kill('SIGKILL');
    execFileSync('rm', ['-f', fifo]);
  });

  it('a gzip bomb as --config: refused when decompression passes the limit', () => {
    const r = runHostile(s, ['harden', '--config', gzipBomb, '--cache-dir', s.cache], env);
    assertRefused(r, /config\.gz decompresses to more than 16 MiB \(KGAP_MAX_INPUT_BYTES\)/);
  });

  it('a tar bomb as --source: refused at KGAP_MAX_SOURCE_BYTES, the partial extraction removed', () => {
    const r = runHostile(
      s,
      ['relevance', '--config', config, '--source', tarBomb, '--files', 'net/core/dev.c', '--cache-dir', s.cache],
      {
        ...env,
        KGAP_MAX_SOURCE_BYTES: LIMIT,
      },
    );
    assertRefused(r, /cannot extract .*bomb\.tar\.xz: holds more than 16 MiB \(KGAP_MAX_SOURCE_BYTES\)/);
    const left = existsSync(join(s.cache, 'kbuild-src')) ? readdirSync(join(s.cache, 'kbuild-src')) : [];
    assert.deepEqual(left, [], 'a partial extraction was left in the cache');
  });

  it('a limit variable that is not a number is refused in one line', () => {
    const r = runHostile(s, ['harden', '--config', config, '--cache-dir', s.cache], {
      ...env,
      KGAP_MAX_INPUT_BYTES: '1e9',
    });
    assertRefused(r, /KGAP_MAX_INPUT_BYTES="1e9" is not a positive whole number of bytes/);
  });
});

describe('hostile: deeply nested JUnit', () => {
  const s = new Scratch('junit');
  after(() => s.remove());

  it('80,000 nested <testsuite> are read in linear time, with one problem line', () => {
    const n = 80_000;
    for (const side of ['baseline', 'candidate']) {
      mkdirSync(join(s.inputs, side));
      const xml = `<testsuites>${'<testsuite name="s">'.repeat(n)}<testcase name="t"/>${'</testsuite>'.repeat(n)}</testsuites>\n`;
      writeFileSync(join(s.inputs, side, 'results.xml'), xml);
    }
    const r = runHostile(s, [
      'gate',
      '--baseline',
      join(s.inputs, 'baseline'),
      '--candidate',
      join(s.inputs, 'candidate'),
      '--format',
      'json',
      '--cache-dir',
      s.cache,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assertNoTrace(r);
    assert.ok(r.ms < 15_000, `${r.ms} ms for ${n} nested suites`);
    const report = JSON.parse(r.stdout) as { baseline: { runs: { problems: number; tests: number }[] } };
    assert.deepEqual(
      report.baseline.runs.map((run) => [run.tests, run.problems]),
      [[1, 1]],
    );
  });
});
