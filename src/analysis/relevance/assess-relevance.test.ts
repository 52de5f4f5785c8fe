import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessRelevance, builtObjectSet } from './assess-relevance.js';
import { configOf, treeOf } from './relevance-fixture.test-helper.js';

const MAKEFILES = {
  'drivers/Makefile': 'obj-$(CONFIG_TUN) += tun.o\nobj-$(CONFIG_FOO) += foo/\nobj-m += dummy.o\n',
  'drivers/foo/Makefile': 'obj-y += foo.o\n',
};
const SOURCES = ['drivers/tun.c', 'drivers/dummy.c', 'drivers/foo/foo.c', 'drivers/foo/foo.h', 'drivers/unlisted.c'];
const model = treeOf(MAKEFILES, SOURCES);
const config = configOf({ TUN: 'n', FOO: 'n' });

const cases: readonly { name: string; files: string[]; status: string; why?: RegExp; vex?: string | null }[] = [
  {
    name: 'any built file makes the CVE built, and says which',
    files: ['drivers/tun.c', 'net/core/dev.c'],
    status: 'built',
    why: /net\/core\/dev\.c \(built-in\)/,
  },
  { name: 'a module is named', files: ['drivers/dummy.c'], status: 'built', why: /module dummy/ },
  {
    name: 'every kernel source not built: not-built with the VEX justification',
    files: ['drivers/tun.c', 'drivers/foo/foo.c'],
    status: 'not-built',
    vex: 'vulnerable_code_not_present',
  },
  {
    name: 'a header in an unbuilt directory does not block not-built',
    files: ['drivers/foo/foo.c', 'drivers/foo/foo.h'],
    status: 'not-built',
  },
  {
    name: 'a header elsewhere keeps it unknown',
    files: ['drivers/tun.c', 'include/linux/if_tun.h'],
    status: 'unknown',
    why: /include\/linux\/if_tun\.h/,
  },
  { name: 'headers alone are unknown', files: ['include/linux/skbuff.h'], status: 'unknown', why: /only headers/ },
  {
    name: 'one unknown file keeps the CVE unknown (never not-built without evidence)',
    files: ['drivers/tun.c', 'drivers/unlisted.c'],
    status: 'unknown',
    vex: null,
  },
  {
    name: 'documentation and tools only: unknown',
    files: ['Documentation/x.rst', 'tools/perf/x.c'],
    status: 'unknown',
    why: /outside the kernel/,
  },
  {
    name: 'not built plus documentation: not-built',
    files: ['drivers/tun.c', 'Documentation/x.rst'],
    status: 'not-built',
  },
  { name: 'no files: unknown', files: [], status: 'unknown' },
];

describe('assessRelevance', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = assessRelevance(c.files, model, config);
      assert.equal(r.status, c.status, r.reason);
      if (c.why) assert.match(r.reason, c.why);
      if (c.vex !== undefined) assert.equal(r.justification, c.vex);
    });
  }

  it('files come back sorted and deduplicated', () => {
    const r = assessRelevance(['net/core/dev.c', 'drivers/tun.c', './net/core/dev.c'], model, config);
    assert.deepEqual(
      r.files.map((f) => f.path),
      ['drivers/tun.c', 'net/core/dev.c'],
    );
  });

  it('--built-files overrides Kbuild: listed is built, unlisted is not', () => {
    const built = new Set(['./drivers/tun.o', 'init/main.o']);
    assert.equal(assessRelevance(['drivers/tun.c'], model, config, built).status, 'built');
    assert.equal(assessRelevance(['net/core/dev.c'], model, config, built).status, 'not-built');
  });

  it('builtObjectSet accepts .o and source paths', () => {
    assert.deepEqual([...builtObjectSet(['./a/b.o', 'c/d.c', 'e/f.S', 'README', ''])].sort(), [
      'a/b.o',
      'c/d.o',
      'e/f.o',
    ]);
  });
});
