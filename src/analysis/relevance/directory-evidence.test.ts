import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileClassifier } from './file-classifier.js';
import { configOf, treeOf } from './relevance-fixture.test-helper.js';

// drivers/gpu/drm/ is built, DRM_AMDGPU is off: amd/amdgpu/ is named (off), amd/display/ only by amdgpu's Makefile.
const DRM = {
  'drivers/Makefile': 'obj-y += gpu/\n',
  'drivers/gpu/Makefile': 'obj-y += drm/\n',
  'drivers/gpu/drm/Makefile': 'obj-y += drm_drv.o\nobj-$(CONFIG_DRM_AMDGPU)+= amd/amdgpu/\nobj-y += i915/\n',
  'drivers/gpu/drm/amd/amdgpu/Makefile':
    'FULL_AMD_PATH=$(srctree)/$(src)/..\ninclude $(FULL_AMD_PATH)/display/Makefile\n',
  'drivers/gpu/drm/amd/display/Makefile': 'AMD_DISPLAY_FILES += dc/dc.o\n',
  'drivers/gpu/drm/i915/Makefile': 'i915-y += gt/intel_gt.o\nobj-y += i915.o\n',
};

type Case = { name: string; makefiles?: Record<string, string>; file: string; status: string; why?: RegExp };

const cases: readonly Case[] = [
  {
    name: 'a directory with its own Makefile that no read Makefile names is never entered: not built',
    makefiles: DRM,
    file: 'drivers/gpu/drm/amd/display/dc/dc.c',
    status: 'not-built',
    why: /drivers\/gpu\/drm\/amd\/display\/ is never entered/,
  },
  {
    name: 'a directory without a Makefile may be compiled from a parent list or #included: unknown',
    makefiles: DRM,
    file: 'drivers/gpu/drm/amd/include/atom.c',
    status: 'unknown',
    why: /no Makefile of its own/,
  },
  {
    name: 'a directory whose objects a read Makefile names is in use (i915/gt): a file there is unknown',
    makefiles: { ...DRM, 'drivers/gpu/drm/i915/gt/Makefile': '' },
    file: 'drivers/gpu/drm/i915/gt/selftest_gt.c',
    status: 'unknown',
  },
  {
    name: 'a rule target inside the directory ($(obj)/rm/realmode.bin): unknown, kbuild builds it by hand',
    makefiles: {
      'arch/x86/Makefile': 'core-y += arch/x86/realmode/\n',
      'arch/x86/realmode/Makefile':
        'subdir- := rm\nobj-y += rmpiggy.o\n$(obj)/rmpiggy.o: $(obj)/rm/realmode.bin\n$(obj)/rm/realmode.bin: FORCE\n\t$(Q)$(MAKE) $(build)=$(obj)/rm $@\n',
      'arch/x86/realmode/rm/Makefile': 'realmode-y += header.o\n',
    },
    file: 'arch/x86/realmode/rm/header.S',
    status: 'unknown',
    why: /names a path in it/,
  },
  {
    name: 'a recipe through a variable ($(build)=$(boot), boot := arch/x86/boot): unknown',
    makefiles: {
      'arch/x86/Makefile': 'boot := arch/x86/boot\nbzImage: vmlinux\n\t$(Q)$(MAKE) $(build)=$(boot) $(KBUILD_IMAGE)\n',
      'arch/x86/boot/Makefile': 'setup-y += main.o\n',
    },
    file: 'arch/x86/boot/main.c',
    status: 'unknown',
  },
  {
    name: 'UML host code (arch/x86/um/) is never entered by an x86_64 build',
    makefiles: { 'arch/x86/um/Makefile': 'obj-y = bugs_64.o\n' },
    file: 'arch/x86/um/bugs_64.c',
    status: 'not-built',
    why: /never entered/,
  },
  {
    name: 'a linker script in a directory that is not built: not built',
    makefiles: { 'drivers/Makefile': 'obj-$(CONFIG_FOO) += foo/\n', 'drivers/foo/Makefile': 'obj-y += a.o\n' },
    file: 'drivers/foo/foo.lds.S',
    status: 'not-built',
    why: /CONFIG_FOO/,
  },
  {
    name: 'an unevaluable construct in the reached directory keeps every route unknown',
    makefiles: { 'drivers/Makefile': 'obj-$(shell echo y) += x.o\n', 'drivers/hidden/Makefile': 'obj-y += h.o\n' },
    file: 'drivers/hidden/h.c',
    status: 'unknown',
  },
];

describe('directories kbuild never enters', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = fileClassifier(treeOf(c.makefiles ?? {}, [c.file]), configOf())(c.file);
      assert.equal(r.status, c.status, r.reason);
      if (c.why !== undefined) assert.match(r.reason, c.why);
    });
  }
});
