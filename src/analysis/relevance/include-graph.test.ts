import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KbuildModel } from '../../domain/kbuild-model.js';
import { fileClassifier } from './file-classifier.js';
import { buildIncludeGraph } from './include-graph.js';
import { configOf, treeOf } from './relevance-fixture.test-helper.js';

describe('buildIncludeGraph: resolution as the kernel compile does it', () => {
  const files = new Set([
    'net/core/dev.c',
    'net/core/dev.h',
    'include/linux/skbuff.h',
    'arch/x86/include/asm/io.h',
    'include/asm-generic/io.h',
    'include/asm-generic/bitops.h',
    'arch/arm/include/asm/io.h',
    'arch/arm/kernel/setup.c',
    'include/uapi/linux/if.h',
    'drivers/gpu/drm/amd/include/atom.h',
    'drivers/gpu/drm/amd/amdgpu/amdgpu.c',
  ]);
  const g = buildIncludeGraph(
    new Map([
      ['net/core/dev.c', ['"dev.h"', '<linux/skbuff.h>', '<asm/io.h>', '<asm/bitops.h>', '<linux/if.h>']],
      ['arch/arm/kernel/setup.c', ['<asm/io.h>']],
      ['drivers/gpu/drm/amd/amdgpu/amdgpu.c', ['"atom.h"']],
    ]),
    files,
    'x86',
  );
  const of = (f: string) => [...(g.includes.get(f) ?? [])].sort();

  it('"x.h" from the file\'s own directory, <x.h> through arch/$(SRCARCH)/include, include, the uapi trees', () => {
    assert.deepEqual(of('net/core/dev.c'), [
      'arch/x86/include/asm/io.h',
      'include/asm-generic/bitops.h',
      'include/linux/skbuff.h',
      'include/uapi/linux/if.h',
      'net/core/dev.h',
    ]);
  });
  it("an asm/ header the architecture lacks is asm-generic's (the generated wrapper)", () => {
    assert.ok(of('net/core/dev.c').includes('include/asm-generic/bitops.h'));
  });
  it("a file under arch/<other>/ resolves <asm/...> in its own architecture's tree", () => {
    assert.deepEqual(of('arch/arm/kernel/setup.c'), ['arch/arm/include/asm/io.h']);
  });
  it('an include that resolves nowhere (a -I path) gets a weak edge to files ending the same way', () => {
    assert.deepEqual(of('drivers/gpu/drm/amd/amdgpu/amdgpu.c'), []);
    assert.deepEqual(g.includers.get('drivers/gpu/drm/amd/include/atom.h'), [
      { file: 'drivers/gpu/drm/amd/amdgpu/amdgpu.c', weak: true },
    ]);
  });
});

/** The fixture tree with sources (those of the fixture's own objects too) and their #include lines. */
function withIncludes(model: KbuildModel, includes: Record<string, string[]>): KbuildModel {
  const files = new Set([...(model.files ?? []), ...Object.keys(includes), 'lib/sort.c', 'arch/x86/lib/delay.c']);
  for (const list of Object.values(includes)) {
    for (const d of list) if (d.startsWith('<')) files.add(`include/${d.slice(1, -1)}`);
  }
  return { ...model, files, includes: new Map(Object.entries(includes)) };
}

describe('headers and #included sources decided by the #include graph', () => {
  const model = withIncludes(
    treeOf({
      'drivers/Makefile': 'obj-y += a.o\nobj-m += m.o\nobj-$(CONFIG_OFF) += off.o off2.o\n',
      'net/core/Makefile': 'obj-y := dev.o\n',
    }),
    {
      'drivers/a.c': ['<linux/a.h>', '"a_impl.c"'],
      'drivers/a_impl.c': [],
      'drivers/m.c': ['<linux/m.h>'],
      'drivers/off.c': ['<linux/off.h>', '"off_impl.c"', '<linux/mixed.h>'],
      'drivers/off2.c': ['<linux/off_chain.h>'],
      'drivers/off_impl.c': [],
      'include/linux/a.h': ['<linux/deep.h>'],
      'include/linux/deep.h': [],
      'include/linux/m.h': [],
      'include/linux/off.h': [],
      'include/linux/off_chain.h': ['<linux/off_leaf.h>'],
      'include/linux/off_leaf.h': [],
      'include/linux/lonely.h': [],
      'include/linux/mixed.h': [],
      'drivers/unnamed.c': ['<linux/mixed.h>'],
      'net/core/dev.c': [],
    },
  );
  const classify = fileClassifier(model, configOf());
  const cases: readonly [string, string, RegExp?][] = [
    ['include/linux/a.h', 'built-in', /included by drivers\/a\.c/],
    ['include/linux/deep.h', 'built-in', /drivers\/a\.c <- include\/linux\/a\.h/],
    ['include/linux/m.h', 'module', /module m/],
    ['include/linux/off.h', 'not-built', /every file that includes it is not built/],
    ['include/linux/off_leaf.h', 'not-built', /CONFIG_OFF/],
    ['include/linux/lonely.h', 'header', /no file of the tree includes it/],
    ['include/linux/mixed.h', 'header', /drivers\/unnamed\.c/],
    ['drivers/a_impl.c', 'built-in', /#included by drivers\/a\.c/],
    ['drivers/off_impl.c', 'not-built', /named by no Kbuild file, and every file that includes it is not built/],
  ];
  for (const [path, status, why] of cases) {
    it(`${path}: ${status}`, () => {
      const r = classify(path);
      assert.equal(r.status, status, r.reason);
      if (why !== undefined) assert.match(r.reason, why);
    });
  }

  it('a header a Makefile forces into compiles (-include) is never called not built', () => {
    const forced = withIncludes(
      treeOf({
        'drivers/Makefile': 'ccflags-y += -include $(srctree)/include/linux/off.h\nobj-$(CONFIG_OFF) += off.o\n',
      }),
      { 'drivers/off.c': ['<linux/off.h>'], 'include/linux/off.h': [] },
    );
    const r = fileClassifier(forced, configOf())('include/linux/off.h');
    assert.equal(r.status, 'header', r.reason);
    assert.match(r.reason, /-include/);
  });

  it("another architecture's header included from shared code follows that code (peci-cpu.h on x86 is x86's own)", () => {
    const m = withIncludes(treeOf({ 'drivers/Makefile': 'obj-y += peci.o\n' }), {
      'drivers/peci.c': ['"../arch/arm/mach-foo/regs.h"'],
      'arch/arm/mach-foo/regs.h': [],
      'arch/arm/mach-foo/other.h': [],
    });
    const c = fileClassifier(m, configOf());
    assert.equal(c('arch/arm/mach-foo/regs.h').status, 'built-in');
    assert.equal(c('arch/arm/mach-foo/other.h').status, 'not-built');
  });

  it('a tree that lacks the sources of what it builds (a partial copy) gets no graph: headers stay undecided', () => {
    const partial = { ...model, files: new Set([...(model.files ?? [])].filter((f) => f !== 'drivers/a.c')) };
    assert.equal(fileClassifier(partial, configOf())('include/linux/off.h').status, 'header');
  });
});
