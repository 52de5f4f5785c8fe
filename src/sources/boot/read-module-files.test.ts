import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InvalidInput } from '../../domain/invalid-input.js';
import { readModuleFiles } from './read-module-files.js';

/** A stand-in .ko: an ELF header for `machine` (62 x86-64, 183 arm64) followed by a name; insmod is not run here. */
function ko(name: string, machine = 62): Buffer {
  const head = Buffer.alloc(64);
  head.set([0x7f, 0x45, 0x4c, 0x46, 2, 1]);
  head.writeUInt16LE(machine, 18);
  return Buffer.concat([head, Buffer.from(name)]);
}

// A lib/modules/<release> tree shaped like Debian's.
const dir = mkdtempSync(join(tmpdir(), 'kgap-modules-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'kernel/fs/btrfs'), { recursive: true });
mkdirSync(join(dir, 'kernel/lib'), { recursive: true });
mkdirSync(join(dir, 'kernel/drivers/net'), { recursive: true });
writeFileSync(join(dir, 'kernel/fs/btrfs/btrfs.ko'), ko('btrfs'));
writeFileSync(join(dir, 'kernel/lib/libcrc32c.ko.gz'), gzipSync(ko('libcrc32c')));
writeFileSync(join(dir, 'kernel/drivers/net/dummy.ko'), ko('dummy', 183));
writeFileSync(
  join(dir, 'modules.dep'),
  'kernel/fs/btrfs/btrfs.ko: kernel/lib/libcrc32c.ko.gz\nkernel/lib/libcrc32c.ko.gz:\nkernel/drivers/net/dummy.ko:\n',
);

describe('readModuleFiles', () => {
  it('plans dependencies first and decompresses .ko.gz into the initramfs', async () => {
    const { plan, files } = await readModuleFiles({ names: ['btrfs'], modulesDir: dir, xz: null, arch: 'x86_64' });
    assert.deepEqual(plan, [
      { name: 'btrfs', files: ['/lib/modules/kernel/lib/libcrc32c.ko', '/lib/modules/kernel/fs/btrfs/btrfs.ko'] },
    ]);
    assert.deepEqual(
      files.map((f) => [f.path, 'data' in f ? Buffer.from(f.data).subarray(64).toString() : f.target]),
      [
        ['lib/modules/kernel/lib/libcrc32c.ko', 'libcrc32c'],
        ['lib/modules/kernel/fs/btrfs/btrfs.ko', 'btrfs'],
      ],
    );
  });

  const errors = [
    {
      name: 'no modules directory',
      modulesDir: undefined,
      names: ['btrfs'],
      field: 'modulesDir',
      problem: /^is needed/,
    },
    {
      name: 'unknown module',
      modulesDir: dir,
      names: ['nope'],
      field: 'modules',
      problem: /^nope: not in the modules.dep/,
    },
    {
      name: 'shell characters',
      modulesDir: dir,
      names: ['x;reboot'],
      field: 'modules',
      problem: /is not a module name/,
    },
    {
      name: 'no modules.dep',
      modulesDir: join(dir, 'kernel'),
      names: ['btrfs'],
      field: 'modulesDir',
      problem: /has no modules.dep/,
    },
    {
      name: 'modules of another architecture',
      modulesDir: dir,
      names: ['dummy'],
      field: 'modulesDir',
      problem: /kernel\/drivers\/net\/dummy.ko is built for arm64, and the kernel is x86_64$/,
    },
  ];
  for (const e of errors) {
    it(`${e.name}: InvalidInput naming ${e.field}`, async () => {
      await assert.rejects(
        readModuleFiles({ names: e.names, modulesDir: e.modulesDir, xz: null, arch: 'x86_64' }),
        (error) => {
          assert.ok(error instanceof InvalidInput);
          assert.equal(error.field, e.field);
          assert.match(error.problem, e.problem);
          return true;
        },
      );
    });
  }

  it('no modules asked: nothing read', async () => {
    assert.deepEqual(await readModuleFiles({ names: [], modulesDir: undefined, xz: null, arch: 'x86_64' }), {
      plan: [],
      files: [],
    });
  });
});
