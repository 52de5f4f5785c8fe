import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseKtap } from '../../sources/results/parse-ktap.js';
import { assessBoot, type QemuEnding } from './assess-boot.js';
import { planGuestChecks } from './guest-checks.js';

// Real serial consoles captured by `kgap boot --out` (see test/fixtures/boot/README.md).
const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/boot/${name}`, import.meta.url), 'utf8');
const checks = planGuestChecks({ expectRelease: '6.1.0-57-amd64', console: 'ttyS0', modules: [] });
const arm64Checks = planGuestChecks({ expectRelease: '6.1.0-47-arm64', console: 'ttyAMA0', modules: [] });
const exited: QemuEnding = { timedOut: false, timeoutSeconds: 120, exitCode: 0, signal: null };

const cases = [
  { file: 'clean-6.1.192.console.log', ending: exited, verdict: 'pass', reasons: [] },
  {
    file: 'panic-rdinit-missing.console.log',
    ending: exited,
    verdict: 'fail',
    reasons: [
      'host/init_reached: the console never showed the generated /init starting',
      'host/no_kernel_panic: Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
      'host/guest_report_complete: the guest printed no KTAP report',
      'host/powered_off_cleanly: the kernel stopped without powering off (panic or reboot); QEMU exited with code 0',
      ...checks.map((c) => `guest/${c.id}: the guest never reported (see the host checks)`),
    ],
  },
  {
    file: 'release-mismatch.console.log',
    ending: exited,
    verdict: 'fail',
    reasons: ['guest/release_matches: uname -r is 6.1.0-57-amd64, expected 6.1.0-99-amd64'],
  },
  {
    file: 'warning-edited.console.log',
    ending: exited,
    verdict: 'fail',
    reasons: [
      'host/no_kernel_warning: WARNING: CPU: 0 PID: 1 at drivers/base/core.c:3412 device_add+0x6a1/0x6b0',
      'guest/dmesg_clean: [    2.500112] WARNING: CPU: 0 PID: 1 at drivers/base/core.c:3412 device_add+0x6a1/0x6b0',
      'guest/not_tainted_by_errors: tainted=512',
    ],
  },
] as const;

describe('assessBoot on captured consoles', () => {
  for (const c of cases) {
    it(`${c.file}: ${c.verdict}`, () => {
      const a = assessBoot({ console: fixture(c.file), ending: c.ending, guestChecks: checks });
      assert.equal(a.verdict, c.verdict);
      assert.deepEqual(a.reasons, c.reasons);
      assert.deepEqual(a.problems, []);
    });
  }

  it('a console cut off by the timeout gives TIMEOUT results, not failures', () => {
    const ending = { timedOut: true, timeoutSeconds: 1.5, exitCode: null, signal: 'SIGKILL' };
    const a = assessBoot({ console: fixture('timeout-1.5s.console.log'), ending, guestChecks: checks });
    assert.equal(a.verdict, 'fail');
    const status = Object.fromEntries(a.host.map((h) => [h.id, h.status]));
    assert.deepEqual(status, {
      kernel_started: 'pass',
      init_reached: 'timeout',
      no_kernel_panic: 'pass',
      no_kernel_oops: 'pass',
      no_kernel_warning: 'pass',
      no_hung_task_or_stall: 'pass',
      guest_report_complete: 'timeout',
      powered_off_cleanly: 'timeout',
    });
    assert.ok(a.guest.every((g) => g.status === 'timeout' && g.detail === 'no result before the 1.5 s timeout'));
  });

  it('QEMU exiting 0 with an empty console is a failure, not a pass', () => {
    const a = assessBoot({ console: '', ending: exited, guestChecks: checks });
    assert.equal(a.verdict, 'fail');
    assert.equal(a.host[0]?.status, 'fail');
  });

  it('a report cut off mid-way names the checks that never came', () => {
    const text = fixture('clean-6.1.192.console.log');
    const cut = text.slice(0, text.indexOf('ok 5 sys_sane'));
    const a = assessBoot({ console: cut, ending: exited, guestChecks: checks });
    assert.equal(
      a.host.find((h) => h.id === 'guest_report_complete')?.detail,
      'the guest report was cut off before its end marker',
    );
    assert.deepEqual(
      a.guest.filter((g) => g.status === 'fail').map((g) => g.id),
      ['sys_sane', 'dev_sane', 'dmesg_clean', 'not_tainted_by_errors'],
    );
  });
});

describe('assessBoot with the product command (--run)', () => {
  const consoleText = fixture('arm64-run-release-check.console.log');
  const run = { command: '/probe/ktap-probe --fail-release 6.1.0-47-arm64' };
  const parseResults = (output: string) => parseKtap(output, { source: 'run' });

  it('a real arm64 console: the checks pass, the command and its failing KTAP test are the reasons', () => {
    const a = assessBoot({ console: consoleText, ending: exited, guestChecks: arm64Checks, run, parseResults });
    assert.equal(a.verdict, 'fail');
    assert.deepEqual(a.reasons, [
      'run/ktap-probe: exit status 1',
      'run/ktap-probe/release_check: 6.1.0-47-arm64 is the release this probe was told to fail on',
    ]);
    assert.ok([...a.host, ...a.guest].every((c) => c.status === 'pass'));
    assert.equal(a.run?.exitStatus, 1);
    assert.deepEqual(
      a.run?.tests.map((t) => `${t.id} ${t.status}`),
      [
        'uname_works pass',
        'getrandom_works pass',
        'proc_self_status pass',
        'pipe_roundtrip pass',
        'release_check fail',
      ],
    );
  });

  it("the command's own output is not the kernel speaking: a test printing BUG: is no oops", () => {
    const edited = consoleText.replace(
      'ok 1 uname_works',
      'BUG: this line is a test log, not a kernel report\r\nok 1 uname_works',
    );
    const a = assessBoot({ console: edited, ending: exited, guestChecks: arm64Checks, run, parseResults });
    assert.equal(a.host.find((h) => h.id === 'no_kernel_oops')?.status, 'pass');
  });

  it('a panic while the output was being printed (the block never closed) still counts', () => {
    const cut = consoleText.slice(0, consoleText.indexOf('ok 2 getrandom_works'));
    const edited = `${cut}[    9.000000] Kernel panic - not syncing: Attempted to kill init!\r\n`;
    const a = assessBoot({ console: edited, ending: exited, guestChecks: arm64Checks, run, parseResults });
    assert.equal(a.host.find((h) => h.id === 'no_kernel_panic')?.status, 'fail');
    assert.equal(a.run?.result.detail, "the guest stopped while printing the command's output (see the host checks)");
  });
});
