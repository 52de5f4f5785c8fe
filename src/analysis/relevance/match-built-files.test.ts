import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchBuiltFiles } from './match-built-files.js';
import { treeOf } from './relevance-fixture.test-helper.js';

const model = treeOf({}, ['drivers/a.c', 'drivers/b.S']);

const cases: readonly { name: string; list: string[]; objects: string[]; prefix: string; matched: number }[] = [
  {
    name: 'paths relative to the build directory',
    list: ['net/core/dev.o', 'drivers/a.o'],
    objects: ['drivers/a.o', 'net/core/dev.o'],
    prefix: '',
    matched: 2,
  },
  {
    name: './ prefixes and source paths',
    list: ['./net/core/dev.o', 'drivers/b.S'],
    objects: ['drivers/b.o', 'net/core/dev.o'],
    prefix: '',
    matched: 2,
  },
  {
    name: 'a build directory prefix is stripped',
    list: ['build/net/core/dev.o', 'build/drivers/a.o', 'build/drivers/a.mod.o'],
    objects: ['drivers/a.o', 'net/core/dev.o'],
    prefix: 'build',
    matched: 2,
  },
  {
    name: 'two levels of prefix',
    list: ['out/x86/net/core/dev.o', 'out/x86/init/main.o'],
    objects: ['init/main.o', 'net/core/dev.o'],
    prefix: 'out/x86',
    matched: 2,
  },
  {
    name: 'entries that match nothing are counted',
    list: ['vmlinux.o', 'drivers/e1000e.o', 'drivers/a.o'],
    objects: ['drivers/a.o', 'drivers/e1000e.o', 'vmlinux.o'],
    prefix: '',
    matched: 1,
  },
];

describe('matchBuiltFiles', () => {
  for (const c of cases) {
    it(c.name, () => {
      const m = matchBuiltFiles(c.list, model);
      assert.deepEqual([...m.objects].sort(), c.objects);
      assert.equal(m.prefix, c.prefix);
      assert.equal(m.matched, c.matched);
    });
  }

  it('without a file listing, entries are taken as given', () => {
    const m = matchBuiltFiles(['build/x.o'], { ...model, files: null });
    assert.deepEqual([...m.objects], ['build/x.o']);
    assert.equal(m.matched, null);
  });
});
