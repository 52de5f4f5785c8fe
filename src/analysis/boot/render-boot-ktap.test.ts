import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BootAssessment } from '../../domain/boot-run.js';
import { parseResults } from '../../sources/results/result-formats.js';
import { renderBootKtap } from './render-boot-ktap.js';

const assessment: BootAssessment = {
  verdict: 'fail',
  host: [
    { id: 'kernel_started', status: 'pass' },
    { id: 'powered_off_cleanly', status: 'timeout', detail: 'QEMU was killed after the 120 s timeout' },
  ],
  guest: [
    { id: 'release_matches', status: 'skip', detail: 'no expected release given' },
    { id: 'dmesg_clean', status: 'fail', detail: 'WARNING: CPU: 0 PID: 1 at x.c:1 f' },
  ],
  run: null,
  reasons: [],
  problems: [],
};

describe('renderBootKtap', () => {
  it('nests host and guest checks as KTAP v1 subtests with SKIP and TIMEOUT directives', () => {
    assert.equal(
      renderBootKtap(assessment, { release: '6.1.0-57-amd64' }),
      [
        'KTAP version 1',
        '# kgap boot: 6.1.0-57-amd64',
        '1..2',
        '    KTAP version 1',
        '    # Subtest: boot_host',
        '    1..2',
        '    ok 1 kernel_started',
        '    not ok 2 powered_off_cleanly # TIMEOUT QEMU was killed after the 120 s timeout',
        'not ok 1 boot_host',
        '    KTAP version 1',
        '    # Subtest: boot_guest',
        '    1..2',
        '    ok 1 release_matches # SKIP no expected release given',
        '    not ok 2 dmesg_clean # WARNING: CPU: 0 PID: 1 at x.c:1 f',
        'not ok 2 boot_guest',
        '',
      ].join('\n'),
    );
  });
});

describe('renderBootKtap with the product command', () => {
  const withRun: BootAssessment = {
    ...assessment,
    run: {
      command: '/probe/ktap-probe -v',
      name: 'ktap-probe',
      result: { id: 'ktap-probe', status: 'fail', detail: 'exit status 1' },
      exitStatus: 1,
      format: 'ktap',
      tests: [
        { id: 'net/tcp', status: 'pass' },
        { id: 'net', status: 'pass' },
        { id: 'fs #3', status: 'skip', detail: 'no disk' },
        { id: 'mm', status: 'xfail' },
        { id: 'timers', status: 'timeout', detail: 'slow' },
        { id: 'ltp/madvise06', status: 'warn', detail: 'TWARN' },
        { id: 'release_check', status: 'fail', detail: '6.1.0-57-amd64 # is bad' },
      ],
      endedEarly: null,
      output: '',
      outputBytes: 10,
    },
    reasons: ['run/ktap-probe: exit status 1'],
  };
  const text = renderBootKtap(withRun, { release: '6.1.0-57-amd64' });

  it('nests the command under boot_run and its results under the command', () => {
    assert.equal(
      text.slice(text.indexOf('not ok 2 boot_guest')),
      [
        'not ok 2 boot_guest',
        '    KTAP version 1',
        '    # Subtest: boot_run',
        '    1..1',
        '        KTAP version 1',
        '        # Subtest: ktap-probe',
        '        1..7',
        '        ok 1 net/tcp',
        '        ok 2 net',
        '        ok 3 fs \\#3 # SKIP no disk',
        '        ok 4 mm # XFAIL',
        '        not ok 5 timers # TIMEOUT slow',
        '        not ok 6 ltp/madvise06 # warn: TWARN',
        '        not ok 7 release_check # 6.1.0-57-amd64 \\# is bad',
        '    not ok 1 ktap-probe # exit status 1',
        'not ok 3 boot_run',
        '',
      ].join('\n'),
    );
    assert.match(text, /^1\.\.3$/m);
  });

  it('the gate reads back the same ids and statuses (warn reads as fail: both are bad)', () => {
    const run = parseResults(text, { source: 'boot.ktap' });
    assert.equal(run?.endedEarly, null);
    const got = Object.fromEntries(
      (run?.tests ?? []).filter((t) => t.id.startsWith('boot_run')).map((t) => [t.id, t.status]),
    );
    assert.deepEqual(got, {
      'boot_run/ktap-probe/net/tcp': 'pass',
      'boot_run/ktap-probe/net': 'pass',
      'boot_run/ktap-probe/fs #3': 'skip',
      'boot_run/ktap-probe/mm': 'xfail',
      'boot_run/ktap-probe/timers': 'timeout',
      'boot_run/ktap-probe/ltp/madvise06': 'fail',
      'boot_run/ktap-probe/release_check': 'fail',
      'boot_run/ktap-probe': 'fail',
      boot_run: 'fail',
    });
  });
});
