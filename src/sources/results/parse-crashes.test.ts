import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { normalizeCrashTitle, parseCrashes } from './parse-crashes.js';

const FIXTURES = new URL('../../../../test/fixtures/results/formats/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('parseCrashes', () => {
  it('finds every report kind and ignores boot notices that merely contain WARNING:', () => {
    const crashes = parseCrashes(fixture('console-crashes.log'), { source: 'console.log' });
    assert.deepEqual(
      crashes.map((c) => c.signature),
      [
        'hung-task: INFO: task jbd2/vda1-N blocked for more than N seconds. @ __schedule',
        'kasan: BUG: KASAN: slab-use-after-free in ext4_find_extent',
        'lockup: BUG: soft lockup - CPU#N stuck for Ns! [stress-ng:N] @ native_queued_spin_lock_slowpath',
        'rcu-stall: INFO: rcu_preempt detected stalls on CPUs/tasks:',
        'ubsan: UBSAN: shift-out-of-bounds in fs/ext4/super.c',
        'warning: WARNING: at drivers/net/virtio_net.c virtnet_probe [virtio_net]',
      ],
    );
    const warning = crashes.find((c) => c.kind === 'warning');
    assert.equal(warning?.line, 4);
    assert.equal(warning?.source, 'console.log');
  });
  it('the same WARN from another build (other line, offsets, CPU, PID) has the same signature', () => {
    const a = parseCrashes(fixture('console-crashes.log'), { source: 'a' }).find((c) => c.kind === 'warning');
    const b = parseCrashes(fixture('dmesg-same-warning-other-build.log'), { source: 'b' });
    assert.deepEqual(
      b.map((c) => c.signature),
      [a?.signature],
    );
  });
  it('an Oops takes its place from RIP, a panic stays separate, and repeats are counted', () => {
    const text = fixture('kunit-crash-truncated.log');
    const crashes = parseCrashes(`${text}${text}`, { source: 'c' });
    assert.deepEqual(
      crashes.map((c) => `${c.count} ${c.signature}`),
      [
        '2 bug: BUG: kernel NULL pointer dereference, address: ADDR @ kmalloc_oob_left',
        '2 panic: Kernel panic - not syncing: Fatal exception',
      ],
    );
  });
  it('a Call Trace outside any report is a signature of its own', () => {
    const crashes = parseCrashes(
      '[ 1.0] Call Trace:\n[ 1.0]  <TASK>\n[ 1.0]  ? show_stack+0x1/0x2\n[ 1.0]  foo_bar+0x10/0x20\n',
      { source: 'c' },
    );
    assert.deepEqual(
      crashes.map((c) => c.signature),
      ['call-trace: Call Trace: @ foo_bar'],
    );
  });
});

describe('normalizeCrashTitle', () => {
  const cases: [string, string][] = [
    [
      'WARNING: CPU: 3 PID: 4242 at mm/page_alloc.c:5525 __alloc_pages+0x2e4/0x360',
      'WARNING: at mm/page_alloc.c __alloc_pages',
    ],
    [
      'BUG: unable to handle page fault for address: ffffffffc0a01000',
      'BUG: unable to handle page fault for address: ADDR',
    ],
    ['Oops: 0002 [#1] PREEMPT SMP PTI', 'Oops: N PREEMPT SMP PTI'],
    [
      'INFO: task kworker/0:1:12 blocked for more than 122 seconds.',
      'INFO: task kworker/N:N blocked for more than N seconds.',
    ],
  ];
  for (const [input, want] of cases) it(input, () => assert.equal(normalizeCrashTitle(input), want));
});
