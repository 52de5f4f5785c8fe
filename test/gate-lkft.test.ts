/**
 * `kgap gate --known-issues` with Linaro LKFT's real production file (kselftests-production.yaml): its issues
 * apply by SQUAD project and environment, so the same failure is excused on the arm64 environment an issue lists
 * and blocks on x86-64, which it does not.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/run-cli.js';

const LKFT = fileURLToPath(
  new URL('../../test/fixtures/known-issues/lkft/kselftests-production.yaml', import.meta.url),
);
const work = mkdtempSync(join(tmpdir(), 'kgap-gate-lkft-'));
after(() => rmSync(work, { recursive: true, force: true }));

// Test ids as LKFT names them (`<suite>/<test>`), one KTAP line each.
function side(name: string, breakpoint: 'ok' | 'not ok'): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const lines = [
    'KTAP version 1',
    '1..2',
    'ok 1 kselftest-net/net.tls',
    `${breakpoint} 2 kselftest/breakpoint.test_arm64`,
  ];
  writeFileSync(join(dir, 'kselftest.ktap'), `${lines.join('\n')}\n`);
  return dir;
}
const baseline = side('baseline', 'ok');
const candidate = side('candidate', 'not ok');
const gate = ['gate', '--baseline', baseline, '--candidate', candidate, '--known-issues', LKFT, '--format', 'json'];
const project = ['--lkft-project', 'lkft/linux-stable-rc-linux-6.1.y'];

describe('kgap gate with an LKFT known-issues file', () => {
  it('on qemu-arm64, where the issue applies: go, the failure excused with its notes and no expiry', () => {
    const r = runCli([...gate, '--lkft-environment', 'qemu-arm64', ...project]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.verdict, 'go');
    assert.equal(json.expectedFailures[0].test, 'kselftest/breakpoint.test_arm64');
    assert.deepEqual(json.expectedFailures[0].knownIssue, {
      reason: 'LKFT: linux-next: kselftest: breakpoint.test_arm64 build failed',
      expires: null,
      expired: false,
    });
  });

  it('on qemu-x86_64, where it does not: no-go naming the test', () => {
    const r = runCli([...gate, '--lkft-environment', 'qemu-x86_64', ...project]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(JSON.parse(r.stdout).reasons[0], /^1 regression: kselftest\/breakpoint\.test_arm64 \(pass -> fail\)$/);
  });

  const refused: [string, string[], RegExp][] = [
    [
      'no environment',
      project,
      /^kgap: --lkft-environment is needed with an LKFT known-issues file: the SQUAD environment the results stand for \(one of its 43: /,
    ],
    [
      'an environment the file does not have',
      ['--lkft-environment', 'qemu-riscv', ...project],
      /^kgap: --lkft-environment qemu-riscv is not one of the known-issues file's environments/,
    ],
    [
      'no project',
      ['--lkft-environment', 'qemu-arm64'],
      /^kgap: --lkft-project is needed with an LKFT known-issues file/,
    ],
  ];
  for (const [name, extra, message] of refused) {
    it(`${name}: exit 2 with one line`, () => {
      const r = runCli([...gate, ...extra]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    });
  }
});
