import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BootAssessment } from '../../domain/boot-run.js';
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
