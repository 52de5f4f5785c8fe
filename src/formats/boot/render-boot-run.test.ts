import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assessBoot } from '../../analysis/boot/assess-boot.js';
import { planGuestChecks } from '../../analysis/boot/guest-checks.js';
import { renderBootKtap } from '../../analysis/boot/render-boot-ktap.js';
import type { BootRun } from '../../domain/boot-run.js';
import { BOOT_FORMATS, bootFormats } from './render-boot-run.js';

// A run built from a real captured console (test/fixtures/boot/release-mismatch.console.log).
const consoleText = readFileSync(
  new URL('../../../../test/fixtures/boot/release-mismatch.console.log', import.meta.url),
  'utf8',
);
const guestChecks = planGuestChecks({ expectRelease: '6.1.0-99-amd64', console: 'ttyS0', modules: [] });
const assessment = assessBoot({
  console: consoleText,
  ending: { timedOut: false, timeoutSeconds: 120, exitCode: 0, signal: null },
  guestChecks,
});
const run: BootRun = {
  schemaVersion: 1,
  kernel: {
    path: 'boot/vmlinuz-6.1.192-3-amd64',
    release: '6.1.0-57-amd64',
    version: '6.1.0-57-amd64 (x) Debian 6.1.192-3',
  },
  arch: 'x86_64',
  expectRelease: '6.1.0-99-amd64',
  booted: { image: 'vmlinux', note: 'extracted vmlinux (cached)' },
  commandLine: 'console=ttyS0 panic=-1',
  timeoutSeconds: 120,
  durationSeconds: 3.6,
  qemu: { exitCode: 0, signal: null, timedOut: false },
  assessment,
  ktap: renderBootKtap(assessment, { release: '6.1.0-57-amd64' }),
  console: consoleText,
};

describe('bootFormats', () => {
  it('has a renderer per format, each ending in one newline', () => {
    for (const f of BOOT_FORMATS) assert.match(bootFormats[f](run), /[^\n]\n$/, f);
  });

  it('table: headline, then one line per check', () => {
    const lines = bootFormats.table(run).trimEnd().split('\n');
    assert.equal(lines[0], 'boot FAILED: 6.1.0-57-amd64 (x86_64) booted as vmlinux');
    assert.equal(lines.length, 1 + 8 + 8);
    assert.ok(
      lines.includes('guest  release_matches        fail  uname -r is 6.1.0-57-amd64, expected 6.1.0-99-amd64'),
    );
  });

  it('json: schemaVersion 1, verdict and reasons first, no console text', () => {
    const json = JSON.parse(bootFormats.json(run));
    assert.deepEqual(Object.keys(json).slice(0, 3), ['schemaVersion', 'verdict', 'reasons']);
    assert.equal(json.verdict, 'fail');
    assert.deepEqual(json.reasons, ['guest/release_matches: uname -r is 6.1.0-57-amd64, expected 6.1.0-99-amd64']);
    assert.equal(json.console, undefined);
    assert.equal(json.arch, 'x86_64');
    assert.equal(json.run, null);
  });

  it('markdown: a table row per check, pipes escaped', () => {
    const md = bootFormats.markdown(run);
    assert.match(md, /^## kgap boot: FAIL\n/);
    assert.match(
      md,
      /^\| guest \| release_matches \| fail \| uname -r is 6\.1\.0-57-amd64, expected 6\.1\.0-99-amd64 \|$/m,
    );
  });

  it('ktap: the report gate reads', () => {
    assert.equal(bootFormats.ktap(run), run.ktap);
    assert.match(run.ktap, /^ {4}not ok 3 release_matches # uname -r is 6\.1\.0-57-amd64, expected 6\.1\.0-99-amd64$/m);
  });
});
