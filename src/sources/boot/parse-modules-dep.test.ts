import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { moduleNameOf, parseModulesDep, planModuleLoads } from './parse-modules-dep.js';

// Shaped like Debian 6.1's modules.dep (depmod lists every dependency, nearest first).
const DEP = [
  'kernel/drivers/net/dummy.ko:',
  'kernel/fs/btrfs/btrfs.ko: kernel/lib/raid6/raid6_pq.ko kernel/lib/libcrc32c.ko kernel/crypto/xor.ko',
  'kernel/drivers/hid/hid-generic.ko.xz: kernel/drivers/hid/hid.ko.xz',
  '',
].join('\n');

describe('modules.dep', () => {
  it('names modules by file, with - and _ the same', () => {
    assert.equal(moduleNameOf('kernel/drivers/hid/hid-generic.ko.xz'), 'hid_generic');
    assert.equal(moduleNameOf('dummy.ko'), 'dummy');
  });

  it('plans dependencies first, in reverse modules.dep order', () => {
    const { loads, unknown } = planModuleLoads(parseModulesDep(DEP), ['btrfs', 'hid-generic', 'dummy', 'nope']);
    assert.deepEqual(loads, [
      {
        name: 'btrfs',
        files: [
          'kernel/crypto/xor.ko',
          'kernel/lib/libcrc32c.ko',
          'kernel/lib/raid6/raid6_pq.ko',
          'kernel/fs/btrfs/btrfs.ko',
        ],
      },
      { name: 'hid_generic', files: ['kernel/drivers/hid/hid.ko.xz', 'kernel/drivers/hid/hid-generic.ko.xz'] },
      { name: 'dummy', files: ['kernel/drivers/net/dummy.ko'] },
    ]);
    assert.deepEqual(unknown, ['nope']);
  });
});
