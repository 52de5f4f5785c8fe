import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONSOLE_SIGNALS, findSignal } from './console-signals.js';

// Lines from real kernels; the "innocent" ones are from clean boots of the shared Debian 6.1 kernels.
const cases = [
  {
    line: '[    1.966697] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
    hits: ['no_kernel_panic'],
  },
  { line: '[   12.000001] BUG: kernel NULL pointer dereference, address: 0000000000000008', hits: ['no_kernel_oops'] },
  { line: '[   12.000002] Oops: 0000 [#1] PREEMPT SMP NOPTI', hits: ['no_kernel_oops'] },
  {
    line: '[   12.000003] general protection fault, probably for non-canonical address 0xdead: 0000 [#1] SMP',
    hits: ['no_kernel_oops'],
  },
  { line: '[   12.000004] BUG: KASAN: slab-out-of-bounds in foo+0x1/0x2', hits: ['no_kernel_oops'] },
  { line: '[   12.000005] UBSAN: array-index-out-of-bounds in drivers/x.c:10:5', hits: ['no_kernel_oops'] },
  {
    line: '[    2.500112] WARNING: CPU: 0 PID: 1 at drivers/base/core.c:3412 device_add+0x6a1/0x6b0',
    hits: ['no_kernel_warning'],
  },
  { line: '[  243.1] INFO: task kworker/0:1:12 blocked for more than 120 seconds.', hits: ['no_hung_task_or_stall'] },
  {
    line: '[   60.2] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [swapper/0:1]',
    hits: ['no_kernel_oops', 'no_hung_task_or_stall'],
  },
  { line: '[   30.3] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:', hits: ['no_hung_task_or_stall'] },
  {
    line: '[    1.849655] AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.',
    hits: [],
  },
  {
    line: '[    1.237665] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug',
    hits: [],
  },
  { line: '[    0.000000] Kernel command line: console=ttyS0 panic=-1', hits: [] },
  { line: 'ok 7 dmesg_clean', hits: [] },
] as const;

describe('CONSOLE_SIGNALS', () => {
  for (const c of cases) {
    it(c.hits.length ? `${c.hits.join('+')}: ${c.line.slice(15, 60)}` : `innocent: ${c.line.slice(15, 60)}`, () => {
      const hits = CONSOLE_SIGNALS.filter((s) => findSignal([c.line], s) !== null).map((s) => s.id);
      assert.deepEqual(hits, [...c.hits]);
    });
  }

  it('reports the first hit without its printk timestamp', () => {
    const lines = [
      '[    1.0] fine',
      '[    2.5] WARNING: at x.c:1 f()',
      '[    3.0] WARNING: CPU: 1 PID: 2 at y.c:2 g()',
    ];
    const warning = CONSOLE_SIGNALS.find((s) => s.id === 'no_kernel_warning');
    assert.ok(warning);
    assert.equal(findSignal(lines, warning), 'WARNING: at x.c:1 f()');
  });
});
