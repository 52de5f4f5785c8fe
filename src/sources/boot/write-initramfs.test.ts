import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planInitramfs } from './write-initramfs.js';

describe('planInitramfs', () => {
  it('lays out busybox, /init, the parents of every added path, files with their modes and links', () => {
    const entries = planInitramfs({
      busybox: new Uint8Array([1]),
      initScript: '#!/bin/busybox sh\n',
      extraFiles: [
        { path: 'probe/run', data: new Uint8Array([2]), mode: 0o750 },
        { path: 'lib/ld.so', target: 'ld-2.36.so' },
        { path: 'lib/modules/kernel/dummy.ko', data: new Uint8Array([3]) },
      ],
    });
    assert.deepEqual(
      entries.map(
        (e) =>
          `${e.kind} ${e.path}${'target' in e ? ` -> ${e.target}` : ''}${'mode' in e && e.mode ? ` ${e.mode.toString(8)}` : ''}`,
      ),
      [
        'dir bin',
        'dir dev',
        'dir lib',
        'dir lib/modules',
        'dir lib/modules/kernel',
        'dir probe',
        'dir proc',
        'dir sys',
        'dir tmp',
        'char dev/console',
        'file bin/busybox 755',
        'file init 755',
        'symlink lib/ld.so -> ld-2.36.so',
        'file lib/modules/kernel/dummy.ko',
        'file probe/run 750',
      ],
    );
  });
});
