import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFile } from './classify-file.js';
import { evaluateKbuild } from './evaluate-kbuild.js';
import { configOf, treeOf } from './relevance-fixture.test-helper.js';

type Case = {
  readonly name: string;
  readonly makefiles?: Readonly<Record<string, string>>;
  readonly config?: Readonly<Record<string, string>>;
  readonly file: string;
  readonly status: string;
  readonly module?: string;
  /** A pattern the reason must match: the "why" is part of the contract. */
  readonly why?: RegExp;
  /** The file is not in the tree's file list. */
  readonly absent?: boolean;
};

// Trees several cases share.
const E1000E = {
  'drivers/Makefile': 'obj-$(CONFIG_E1000E) += net/ethernet/intel/e1000e/\n',
  'drivers/net/ethernet/intel/e1000e/Makefile':
    'obj-$(CONFIG_E1000E) += e1000e.o\n\ne1000e-objs := 82571.o ich8lan.o 80003es2lan.o \\\n\t       mac.o manage.o nvm.o phy.o \\\n\t       param.o ethtool.o netdev.o ptp.o\n',
};
const TUN = { 'drivers/Makefile': 'obj-$(CONFIG_TUN) += tun.o\n' };
const PCI = { 'arch/x86/pci/Makefile': 'obj-y := common.o\n' };
const IFDEF_ELSE = { 'kernel/Makefile': 'ifdef CONFIG_X86_32\nobj-y += a32.o\nelse\nobj-y += a64.o\nendif\n' };
const HEAD_BITS = { 'kernel/Makefile': 'obj-y += head_$(BITS).o\n' };
const AMDGPU = {
  'drivers/Makefile': 'obj-y += gpu/\n',
  'drivers/gpu/Makefile': 'obj-$(CONFIG_DRM) += drm/\n',
  'drivers/gpu/drm/Makefile': 'obj-$(CONFIG_DRM_AMDGPU)+= amd/amdgpu/\n',
  'drivers/gpu/drm/amd/amdgpu/Makefile': `FULL_AMD_PATH=$(srctree)/$(src)/..
DISPLAY_FOLDER_NAME=display
FULL_AMD_DISPLAY_PATH = $(FULL_AMD_PATH)/$(DISPLAY_FOLDER_NAME)
amdgpu-y += amdgpu_drv.o
amdgpu-$(CONFIG_ACPI) += amdgpu_acpi.o
ifneq ($(CONFIG_DRM_AMD_DC),)
RELATIVE_AMD_DISPLAY_PATH = ../$(DISPLAY_FOLDER_NAME)
include $(FULL_AMD_DISPLAY_PATH)/Makefile
amdgpu-y += $(AMD_DISPLAY_FILES)
endif
obj-$(CONFIG_DRM_AMDGPU)+= amdgpu.o
`,
  'drivers/gpu/drm/amd/display/Makefile': `AMDDALPATH = $(RELATIVE_AMD_DISPLAY_PATH)
DC = dc.o dc_link.o
AMD_DISPLAY_DC = $(addprefix $(AMDDALPATH)/dc/core/,$(DC))
AMD_DISPLAY_FILES += $(AMD_DISPLAY_DC)
`,
};

const cases: readonly Case[] = [
  {
    name: 'obj-y: built-in',
    makefiles: {
      'drivers/Makefile': 'obj-y += base/\n',
      'drivers/base/Makefile': 'obj-y\t\t\t:= component.o core.o bus.o\n',
    },
    file: 'drivers/base/core.c',
    status: 'built-in',
    why: /drivers\/base\/Makefile/,
  },
  {
    name: 'obj-m: module named after the object',
    makefiles: { 'drivers/Makefile': 'obj-m += dummy.o\n' },
    file: 'drivers/dummy.c',
    status: 'module',
    module: 'dummy',
  },
  {
    name: 'obj-$(CONFIG_X)=y: built-in',
    makefiles: TUN,
    config: { TUN: 'y' },
    file: 'drivers/tun.c',
    status: 'built-in',
  },
  {
    name: 'obj-$(CONFIG_X)=m: module',
    makefiles: TUN,
    config: { TUN: 'm' },
    file: 'drivers/tun.c',
    status: 'module',
    module: 'tun',
  },
  {
    name: 'obj-$(CONFIG_X) unset: not built, and says which symbol',
    makefiles: TUN,
    config: { TUN: 'n' },
    file: 'drivers/tun.c',
    status: 'not-built',
    why: /obj-\$\(CONFIG_TUN\) \(= obj-\)/,
  },
  { name: 'lib-y in lib/: built-in (lib.a)', file: 'lib/sort.c', status: 'built-in' },
  { name: 'lib-y in arch/x86/lib/ (libs-y from the arch Makefile)', file: 'arch/x86/lib/delay.c', status: 'built-in' },
  {
    name: 'composite foo-objs with continuations: module of the composite',
    makefiles: E1000E,
    config: { E1000E: 'm' },
    file: 'drivers/net/ethernet/intel/e1000e/netdev.c',
    status: 'module',
    module: 'e1000e',
  },
  {
    name: 'composite whose module is off: not built, via the composite',
    makefiles: E1000E,
    config: { E1000E: 'n' },
    file: 'drivers/net/ethernet/intel/e1000e/netdev.c',
    status: 'not-built',
    why: /obj-\$\(CONFIG_E1000E\)/,
  },
  {
    name: 'composite foo-y built-in',
    makefiles: { 'drivers/Makefile': 'obj-y += pnp.o\npnp-y := core.o card.o\n' },
    file: 'drivers/card.c',
    status: 'built-in',
  },
  {
    name: 'composite part foo-$(CONFIG_X)=y',
    makefiles: AMDGPU,
    config: { DRM: 'm', DRM_AMDGPU: 'm', ACPI: 'y' },
    file: 'drivers/gpu/drm/amd/amdgpu/amdgpu_acpi.c',
    status: 'module',
    module: 'amdgpu',
  },
  {
    name: 'composite part foo-$(CONFIG_X) unset: not built',
    makefiles: AMDGPU,
    config: { DRM: 'm', DRM_AMDGPU: 'm' },
    file: 'drivers/gpu/drm/amd/amdgpu/amdgpu_acpi.c',
    status: 'not-built',
    why: /amdgpu-\$\(CONFIG_ACPI\)/,
  },
  {
    name: 'include of a sibling Makefile with addprefix and ../ paths (amdgpu display)',
    makefiles: AMDGPU,
    config: { DRM: 'm', DRM_AMDGPU: 'm', DRM_AMD_DC: 'y' },
    file: 'drivers/gpu/drm/amd/display/dc/core/dc.c',
    status: 'module',
    module: 'amdgpu',
  },
  {
    name: 'include under a false ifneq: not built',
    makefiles: AMDGPU,
    config: { DRM: 'm', DRM_AMDGPU: 'm' },
    file: 'drivers/gpu/drm/amd/display/dc/core/dc.c',
    status: 'not-built',
    why: /ifneq \(\$\(CONFIG_DRM_AMD_DC\),\) \(not taken\)/,
  },
  {
    name: 'directory descent obj-$(CONFIG_X) += dir/ unset: not built',
    makefiles: AMDGPU,
    config: { DRM: 'm' },
    file: 'drivers/gpu/drm/amd/amdgpu/amdgpu_drv.c',
    status: 'not-built',
    why: /obj-\$\(CONFIG_DRM_AMDGPU\)/,
  },
  {
    name: 'parent gate: obj-m inside a module-only directory is a module',
    makefiles: {
      'drivers/Makefile': 'obj-$(CONFIG_SND) += sound/\n',
      'drivers/sound/Makefile': 'obj-$(CONFIG_SND_X) += snd-x.o\n',
    },
    config: { SND: 'm', SND_X: 'y' },
    file: 'drivers/sound/snd-x.c',
    status: 'unknown',
    why: /entered only for modules/,
  },
  {
    name: 'parent gate: a directory off makes everything below it not built',
    makefiles: {
      'drivers/Makefile': 'obj-$(CONFIG_HWT) += hwtracing/coresight/\n',
      'drivers/hwtracing/coresight/Makefile': 'obj-y += core.o\n',
    },
    file: 'drivers/hwtracing/coresight/core.c',
    status: 'not-built',
    why: /CONFIG_HWT/,
  },
  {
    name: 'subdir-$(CONFIG_X) descent (efi libstub): built',
    makefiles: {
      'drivers/Makefile': 'subdir-$(CONFIG_EFI_STUB) += libstub\n',
      'drivers/libstub/Makefile': 'lib-y := tpm.o\n',
    },
    config: { EFI_STUB: 'y' },
    file: 'drivers/libstub/tpm.c',
    status: 'built-in',
  },
  {
    name: 'clean-only subdir- is no evidence: unknown, never not-built',
    makefiles: { 'arch/x86/Kbuild': 'subdir- += boot\n', 'arch/x86/boot/Makefile': 'obj-y += a.o\n' },
    file: 'arch/x86/boot/a.c',
    status: 'unknown',
    why: /not reached/,
  },
  {
    name: 'arch entry drivers-$(CONFIG_PCI)=y: built-in',
    makefiles: PCI,
    config: { PCI: 'y' },
    file: 'arch/x86/pci/common.c',
    status: 'built-in',
  },
  {
    name: 'arch entry drivers-$(CONFIG_PCI) unset: not built',
    makefiles: PCI,
    file: 'arch/x86/pci/common.c',
    status: 'not-built',
    why: /drivers-\$\(CONFIG_PCI\)/,
  },
  {
    name: 'core-y from the arch Makefile (ARCH_CORE)',
    makefiles: {
      'arch/x86/Makefile': `${'core-y += arch/x86/xen/\n'}`,
      'arch/x86/xen/Makefile': 'obj-y += enlighten.o\n',
    },
    file: 'arch/x86/xen/enlighten.c',
    status: 'built-in',
  },
  { name: 'ifdef/else: the else branch builds', makefiles: IFDEF_ELSE, file: 'kernel/a64.c', status: 'built-in' },
  {
    name: 'ifdef/else: the false branch is not built, and says so',
    makefiles: IFDEF_ELSE,
    file: 'kernel/a32.c',
    status: 'not-built',
    why: /ifdef CONFIG_X86_32 \(not taken\)/,
  },
  {
    name: 'ifeq ($(CONFIG_X),y) with X=m is false',
    makefiles: { 'kernel/Makefile': 'ifeq ($(CONFIG_KVM),y)\nobj-y += kvm_glue.o\nendif\n' },
    config: { KVM: 'm' },
    file: 'kernel/kvm_glue.c',
    status: 'not-built',
  },
  {
    name: 'ifneq ($(CONFIG_X),) with X=m is true',
    makefiles: { 'kernel/Makefile': 'ifneq ($(CONFIG_KVM),)\nobj-y += kvm_glue.o\nendif\n' },
    config: { KVM: 'm' },
    file: 'kernel/kvm_glue.c',
    status: 'built-in',
  },
  {
    name: 'nested conditionals',
    makefiles: {
      'kernel/Makefile': 'ifdef CONFIG_A\nifeq ($(CONFIG_B),y)\nobj-y += ab.o\nelse\nobj-y += a.o\nendif\nendif\n',
    },
    config: { A: 'y', B: 'y' },
    file: 'kernel/ab.c',
    status: 'built-in',
  },
  {
    name: 'else ifeq chains',
    makefiles: {
      'kernel/Makefile': 'ifeq ($(BITS),32)\nobj-y += x32.o\nelse ifeq ($(BITS),64)\nobj-y += x64.o\nendif\n',
    },
    file: 'kernel/x64.c',
    status: 'built-in',
  },
  {
    name: 'exported arch variable (BITS) names the object',
    makefiles: HEAD_BITS,
    file: 'kernel/head_64.S',
    status: 'built-in',
  },
  {
    name: 'a file no Makefile names is unknown, not not-built (#included .c files)',
    makefiles: HEAD_BITS,
    file: 'kernel/head_32.S',
    status: 'unknown',
    why: /named by no Kbuild file/,
  },
  {
    name: 'recursive = is expanded late, := at once',
    makefiles: {
      'kernel/Makefile': 'FOO = $(BAR)\nBAR := late.o\nEARLY := $(BAZ)\nBAZ := never.o\nobj-y += $(FOO) $(EARLY)\n',
    },
    file: 'kernel/late.c',
    status: 'built-in',
  },
  {
    name: 'an unevaluable conditional makes its objects unknown',
    makefiles: { 'kernel/Makefile': 'ifeq ($(call cc-option,-mfoo),)\nobj-y += x.o\nendif\n' },
    file: 'kernel/x.c',
    status: 'unknown',
    why: /cannot be evaluated/,
  },
  {
    name: 'a Makefile with a line kgap cannot parse: unknown, not not-built',
    makefiles: { 'kernel/Makefile': 'obj-$(CONFIG_X) += x.o\nthis is not make\n' },
    file: 'kernel/x.c',
    status: 'unknown',
    why: /not understood/,
  },
  {
    name: 'Kbuild wins over Makefile in the same directory',
    makefiles: { 'kernel/Kbuild': 'obj-y += fromkbuild.o\n', 'kernel/Makefile': 'obj-y += frommakefile.o\n' },
    file: 'kernel/fromkbuild.c',
    status: 'built-in',
  },
  {
    name: 'a referenced directory without a Makefile: unknown',
    makefiles: { 'drivers/Makefile': 'obj-y += ghost/\n' },
    file: 'drivers/ghost/a.c',
    status: 'unknown',
    why: /no Makefile/,
  },
  {
    name: 'a file absent from the tree: unknown',
    file: 'net/core/new_in_6_12.c',
    absent: true,
    status: 'unknown',
    why: /not in the source tree/,
  },
  { name: 'headers have their own class', file: 'include/linux/skbuff.h', status: 'header' },
  { name: 'Documentation/ is not kernel code', file: 'Documentation/admin-guide/x.rst', status: 'not-kernel-code' },
  { name: 'tools/ is not kernel code', file: 'tools/perf/util/x.c', status: 'not-kernel-code' },
  { name: 'scripts/ is not kernel code', file: 'scripts/mod/modpost.c', status: 'not-kernel-code' },
  { name: 'samples/ is not kernel code', file: 'samples/bpf/x.c', status: 'not-kernel-code' },
  {
    name: 'another architecture: not built',
    file: 'arch/arm64/kernel/setup.c',
    status: 'not-built',
    why: /another architecture/,
  },
  {
    name: "a directory only another arch's Makefile links: not built",
    makefiles: { 'arch/s390/Makefile': 'drivers-y += drivers/s390/\n', 'drivers/s390/Makefile': 'obj-y += cio/\n' },
    file: 'drivers/s390/cio/css.c',
    status: 'not-built',
    why: /arch\/s390\/Makefile/,
  },
  {
    name: 'named only in extra-y: unknown',
    makefiles: { 'kernel/Makefile': 'extra-y += vmlinux.lds\nextra-y += head64.o\n' },
    file: 'kernel/head64.c',
    status: 'unknown',
    why: /extra-y/,
  },
  {
    name: 'obj-y and obj-m both: built-in wins',
    makefiles: { 'drivers/Makefile': 'obj-y += a.o\nobj-m += a.o\n' },
    file: 'drivers/a.c',
    status: 'built-in',
  },
  {
    name: 'directory path below the named one (obj-y += a/b/)',
    makefiles: { 'drivers/Makefile': 'obj-y += hw/intel_th/\n', 'drivers/hw/intel_th/Makefile': 'obj-m += th.o\n' },
    file: 'drivers/hw/intel_th/th.c',
    status: 'module',
    module: 'th',
  },
];

describe('classifyFile: Kbuild constructs', () => {
  for (const c of cases) {
    it(c.name, () => {
      const model = treeOf(c.makefiles ?? {}, c.absent ? [] : [c.file]);
      const r = classifyFile(c.file, { model, ev: evaluateKbuild(model, configOf(c.config)) });
      assert.equal(r.status, c.status, r.reason);
      if (c.module !== undefined) assert.equal(r.module, c.module);
      if (c.why !== undefined) assert.match(r.reason, c.why);
    });
  }

  it('old-style top Makefile entry points (init-y, core-y, drivers-y, net-y) descend without a root obj-y', () => {
    const top = `VERSION = 5\nPATCHLEVEL = 10\ninit-y := init/\ndrivers-y := drivers/ sound/\nnet-y := net/\ncore-y := usr/\ncore-y += kernel/\ninclude $(srctree)/arch/$(SRCARCH)/Makefile\n`;
    const model = treeOf({ Makefile: top, Kbuild: '', 'sound/Makefile': 'obj-$(CONFIG_SND) += snd.o\n' }, [
      'sound/snd.c',
    ]);
    const ev = evaluateKbuild(model, configOf({ SND: 'm' }));
    assert.equal(classifyFile('kernel/fork.c', { model, ev }).status, 'built-in');
    assert.equal(classifyFile('sound/snd.c', { model, ev }).module, 'snd');
  });

  it('a UML config (CONFIG_UML with the host CONFIG_X86_64) builds arch/um (and parts of arch/x86), not arm64', () => {
    const model = treeOf(
      { 'arch/um/Makefile': 'core-y += arch/um/kernel/\n', 'arch/um/kernel/Makefile': 'obj-y := exec.o\n' },
      ['arch/um/kernel/exec.c', 'arch/x86/um/ldt.c', 'arch/arm64/kernel/setup.c'],
    );
    const ev = evaluateKbuild(model, configOf({ UML: 'y' }));
    assert.equal(classifyFile('arch/um/kernel/exec.c', { model, ev }).status, 'built-in');
    assert.equal(classifyFile('arch/arm64/kernel/setup.c', { model, ev }).status, 'not-built');
    assert.doesNotMatch(classifyFile('arch/x86/um/ldt.c', { model, ev }).reason, /another architecture/);
  });

  it('the build list overrides Kbuild both ways', () => {
    const model = treeOf({ 'drivers/Makefile': 'obj-$(CONFIG_TUN) += tun.o\nobj-y += a.o\n' }, [
      'drivers/tun.c',
      'drivers/a.c',
    ]);
    const ev = evaluateKbuild(model, configOf());
    const builtObjects = new Set(['drivers/tun.o']);
    assert.equal(classifyFile('drivers/tun.c', { model, ev, builtObjects }).status, 'built-in');
    assert.equal(classifyFile('drivers/a.c', { model, ev, builtObjects }).status, 'not-built');
  });

  it('without a source tree everything is unknown with a hint', () => {
    const model = {
      source: '/nope',
      version: null,
      files: null,
      makefiles: new Map(),
      problems: ['source /nope does not exist'],
    };
    const r = classifyFile('net/core/dev.c', { model, ev: evaluateKbuild(model, configOf()) });
    assert.equal(r.status, 'unknown');
    assert.match(r.reason, /pass --source/);
  });
});
