import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { planGuestChecks, shQuote } from './guest-checks.js';
import { MARKERS, renderInitScript } from './init-script.js';

const BUSYBOX = '/bin/busybox';
const plan = {
  expectRelease: "6.1.0-57-amd64'; reboot -f; '",
  console: 'ttyS0',
  modules: [{ name: 'dummy', files: ['/lib/modules/kernel/drivers/net/dummy.ko'] }],
};

describe('planGuestChecks', () => {
  it('lists the checks in run order, module loads before the dmesg check', () => {
    assert.deepEqual(
      planGuestChecks(plan).map((c) => c.id),
      [
        'init_is_pid1',
        'mounts_proc_sys_dev',
        'release_matches',
        'proc_sane',
        'sys_sane',
        'dev_sane',
        'module_dummy_loads',
        'dmesg_clean',
        'not_tainted_by_errors',
      ],
    );
  });

  it('skips the release check (exit 77) when no release is expected', () => {
    const release = planGuestChecks({ expectRelease: null, console: 'ttyAMA0', modules: [] }).find(
      (c) => c.id === 'release_matches',
    );
    assert.match(release?.body ?? '', /return 77/);
  });
});

describe('renderInitScript', () => {
  const script = renderInitScript(planGuestChecks(plan));
  const command = "/tests/probe --fail-release '6.1.0-57-amd64' $(reboot -f)";
  const withRun = renderInitScript(planGuestChecks(plan), { command });

  it('starts with the busybox shebang, prints the markers and powers off', () => {
    assert.ok(script.startsWith('#!/bin/busybox sh\n'));
    for (const m of [MARKERS.initStarted, MARKERS.ktapBegin, MARKERS.ktapEnd]) {
      assert.ok(script.includes(`echo '${m}'`), m);
    }
    assert.ok(!script.includes(MARKERS.runStart), 'no command, no run section');
    assert.match(script, /poweroff -f\n$/);
    assert.match(script, /^run_check 7 module_dummy_loads check_7$/m);
    assert.match(script, /^echo '1\.\.9'$/m);
    assert.match(script, /\[ -e \/sys\/class\/tty\/ttyS0 \]/);
  });

  it('with a command: runs it after the report, console loud, then prints its output and exit status', () => {
    const at = (text: string) => withRun.indexOf(text);
    assert.ok(at(MARKERS.ktapEnd) < at(MARKERS.runStart));
    assert.ok(at(MARKERS.runStart) < at('echo "$level" > /proc/sys/kernel/printk'));
    assert.ok(at('exec /bin/sh -c') < at(MARKERS.runOutputBegin));
    assert.ok(withRun.includes(`echo "${MARKERS.runOutputEnd} $rc $(wc -c < /tmp/run.out)"`));
    assert.ok(withRun.includes(shQuote(command)), 'the command is quoted whole');
    assert.match(withRun, /poweroff -f\n$/);
  });

  for (const [name, text] of [
    ['without a command', script],
    ['with a command', withRun],
  ] as const) {
    it(`is valid busybox sh (sh -n), ${name}`, (t) => {
      if (!existsSync(BUSYBOX)) return t.skip('busybox absent (apt-get install busybox-static)');
      const r = spawnSync(BUSYBOX, ['sh', '-n'], { input: text });
      assert.equal(r.status, 0, r.stderr.toString());
    });
  }
});

describe('shQuote', () => {
  const cases = ['plain', "it's", "'; reboot -f; '", '$(poweroff -f)', 'a "b" \\ c', ''];
  for (const text of cases) {
    it(`quotes ${JSON.stringify(text)} so sh sees it verbatim`, (t) => {
      if (!existsSync(BUSYBOX)) return t.skip('busybox absent (apt-get install busybox-static)');
      const r = spawnSync(BUSYBOX, ['sh', '-c', `printf %s ${shQuote(text)}`]);
      assert.equal(r.stdout.toString(), text);
    });
  }
});
