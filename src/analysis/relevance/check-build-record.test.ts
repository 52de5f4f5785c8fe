import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BuildRecord } from '../../domain/build-record.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import { checkBuildRecord } from './check-build-record.js';
import { fileClassifier } from './file-classifier.js';
import { configOf, treeOf } from './relevance-fixture.test-helper.js';

const record = (over: Partial<BuildRecord> = {}): BuildRecord => ({
  source: 'build/',
  compiled: new Map([
    ['net/core/dev.c', { object: 'net/core/dev.o', module: null }],
    ['drivers/tun.c', { object: 'drivers/tun.o', module: 'tun' }],
    ['fs/ext4/inode.c', { object: 'fs/ext4/inode.o', module: null, builtinModule: 'ext4' }],
  ]),
  included: new Map([
    ['include/linux/skbuff.h', { object: 'net/core/dev.o', module: null }],
    ['include/linux/tun.h', { object: 'drivers/tun.o', module: 'tun' }],
    ['kernel/sched/rt.c', { object: 'kernel/sched/build_policy.o', module: null }],
  ]),
  host: new Set(['scripts/mod/modpost.c', 'arch/x86/tools/relocs_64.c']),
  modules: ['tun'],
  builtinModules: ['ext4'],
  config: null,
  linkedVmlinux: true,
  problems: [],
  ...over,
});

describe('checkBuildRecord', () => {
  it('refuses a build that never linked vmlinux', () => {
    assert.throws(
      () => checkBuildRecord(record({ linkedVmlinux: false }), configOf(), null),
      (e: unknown) => e instanceof InvalidInput && e.field === 'buildDir' && /\.vmlinux\.cmd/.test(e.problem),
    );
  });
  it('refuses a build without modules.order when the config builds modules', () => {
    assert.throws(
      () => checkBuildRecord(record({ modules: null }), configOf({ TUN: 'm' }), null),
      (e: unknown) => e instanceof InvalidInput && /modules\.order/.test(e.problem),
    );
    assert.doesNotThrow(() => checkBuildRecord(record({ modules: null }), configOf(), null));
  });
  it("says how the record was used, and where the build's own .config differs", () => {
    const lines = checkBuildRecord(record(), configOf({ TUN: 'm' }), configOf({ TUN: 'y' }));
    assert.match(lines[0] ?? '', /3 compiled files, 3 included files, 1 modules/);
    assert.match(lines[1] ?? '', /differs .* 1 symbol\(s\) \(first: CONFIG_TUN\)/);
  });
});

describe('files judged by the build record', () => {
  const model = treeOf({ 'drivers/Makefile': 'obj-y += tun.o\n' }, ['drivers/tun.c', 'drivers/unused.c']);
  const classify = fileClassifier(model, configOf(), record());
  const cases: readonly [string, string, RegExp][] = [
    ['net/core/dev.c', 'built-in', /compiled as net\/core\/dev\.o/],
    ['drivers/tun.c', 'module', /module tun \(build record\)/],
    ['fs/ext4/inode.c', 'built-in', /module ext4 built in \(modules\.builtin\)/],
    ['include/linux/skbuff.h', 'built-in', /included by net\/core\/dev\.o/],
    ['include/linux/tun.h', 'module', /included by drivers\/tun\.o/],
    ['kernel/sched/rt.c', 'built-in', /included by kernel\/sched\/build_policy\.o/],
    ['arch/x86/tools/relocs_64.c', 'not-kernel-code', /host program/],
    ['drivers/unused.c', 'not-built', /neither compiled nor included/],
    ['drivers/new_in_6_12.c', 'unknown', /not in the source tree/],
    ['arch/arm64/kernel/setup.c', 'not-built', /another architecture/],
  ];
  for (const [path, status, why] of cases) {
    it(`${path}: ${status}`, () => {
      const r = classify(path);
      assert.equal(r.status, status, r.reason);
      assert.match(r.reason, why);
    });
  }
  it('without a source tree a file missing from the record stays unknown', () => {
    const none = { source: '(none)', version: null, files: null, makefiles: new Map(), problems: [] };
    const r = fileClassifier(none, configOf(), record())('drivers/unused.c');
    assert.equal(r.status, 'unknown');
    assert.match(r.reason, /without the source tree/);
  });
});
