import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InvalidInput } from '../../domain/invalid-input.js';
import { readModuleFiles } from './read-module-files.js';

// A lib/modules/<release> tree shaped like Debian's, with stand-in .ko contents (insmod is not run here).
const dir = mkdtempSync(join(tmpdir(), 'kgap-modules-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'kernel/fs/btrfs'), { recursive: true });
mkdirSync(join(dir, 'kernel/lib'), { recursive: true });
writeFileSync(join(dir, 'kernel/fs/btrfs/btrfs.ko'), 'btrfs');
writeFileSync(join(dir, 'kernel/lib/libcrc32c.ko.gz'), gzipSync('libcrc32c'));
writeFileSync(
  join(dir, 'modules.dep'),
  'kernel/fs/btrfs/btrfs.ko: kernel/lib/libcrc32c.ko.gz\nkernel/lib/libcrc32c.ko.gz:\n',
);

describe('readModuleFiles', () => {
  it('plans dependencies first and decompresses .ko.gz into the initramfs', async () => {
    const { plan, files } = await readModuleFiles({ names: ['btrfs'], modulesDir: dir, xz: null });
    assert.deepEqual(plan, [
      { name: 'btrfs', files: ['/lib/modules/kernel/lib/libcrc32c.ko', '/lib/modules/kernel/fs/btrfs/btrfs.ko'] },
    ]);
    assert.deepEqual(
      files.map((f) => [f.path, Buffer.from(f.data).toString()]),
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
  ];
  for (const e of errors) {
    it(`${e.name}: InvalidInput naming ${e.field}`, async () => {
      await assert.rejects(readModuleFiles({ names: e.names, modulesDir: e.modulesDir, xz: null }), (error) => {
        assert.ok(error instanceof InvalidInput);
        assert.equal(error.field, e.field);
        assert.match(error.problem, e.problem);
        return true;
      });
    });
  }

  it('no modules asked: nothing read', async () => {
    assert.deepEqual(await readModuleFiles({ names: [], modulesDir: undefined, xz: null }), { plan: [], files: [] });
  });
});
