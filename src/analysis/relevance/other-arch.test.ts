import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKernelConfig } from '../../domain/kernel-config.js';
import { fileClassifier } from './file-classifier.js';
import { CROSS_ARCH_INCLUDES } from './other-arch.js';
import { configOf, treeOf } from './relevance-fixture.test-helper.js';

const ARM64 = parseKernelConfig(
  '# Linux/arm64 6.1.0 Kernel Configuration\nCONFIG_ARM64=y\nCONFIG_64BIT=y\nCONFIG_XEN=y\n',
  {
    source: 'arm64.config',
  },
);

type Case = { name: string; file: string; status: string; why?: RegExp; present?: boolean };

// Debian 6.1.170 amd64: every CVE whose kernel files all sit under another architecture's arch/ is one of these.
const X86_CASES: readonly Case[] = [
  { name: 'a source of another architecture', file: 'arch/arm64/kernel/setup.c', status: 'not-built', present: true },
  {
    name: 'a header under arch/<other>/include (CVE-2024-56677, arch/powerpc/include/asm/fadump.h)',
    file: 'arch/powerpc/include/asm/fadump.h',
    status: 'not-built',
    why: /arch\/powerpc\/ is another architecture/,
  },
  {
    name: 'a header elsewhere under arch/<other> (CVE-2025-37893, arch/loongarch/net/bpf_jit.h)',
    file: 'arch/loongarch/net/bpf_jit.h',
    status: 'not-built',
  },
  {
    name: 'a file of another architecture this tree lacks (CVE-2025-21789, arch/loongarch/lib/csum.c)',
    file: 'arch/loongarch/lib/csum.c',
    status: 'not-built',
    present: false,
  },
  {
    name: 'a linker script of another architecture',
    file: 'arch/riscv/kernel/vmlinux.lds.S',
    status: 'not-built',
  },
  {
    name: 'a header shared code includes by path: its includer decides (omap4iss is off here)',
    file: 'arch/arm/mach-omap2/control.h',
    status: 'not-built',
    why: /shared code that includes it is not built/,
  },
  {
    name: "the target's own header stays a header without the sources",
    file: 'arch/x86/include/asm/io.h',
    status: 'header',
  },
  {
    name: "a file of the target's own architecture the tree lacks stays unknown",
    file: 'arch/x86/kernel/new_in_6_12.c',
    status: 'unknown',
    present: false,
  },
];

describe('other architectures (x86_64 config)', () => {
  for (const c of X86_CASES) {
    it(c.name, () => {
      const model = treeOf(
        {
          'drivers/Makefile': 'obj-$(CONFIG_VIDEO_OMAP4) += staging/media/omap4iss/\n',
          'drivers/staging/media/omap4iss/Makefile': 'obj-$(CONFIG_VIDEO_OMAP4) += iss_csiphy.o\n',
        },
        [...(c.present === false ? [] : [c.file]), 'drivers/staging/media/omap4iss/iss_csiphy.c'],
      );
      const r = fileClassifier(model, configOf())(c.file);
      assert.equal(r.status, c.status, r.reason);
      if (c.why !== undefined) assert.match(r.reason, c.why);
    });
  }

  it('a header shared code includes by path is built when that code is (PECI on a built driver)', () => {
    const model = treeOf({ 'drivers/Makefile': 'obj-y += agp/\n', 'drivers/agp/Makefile': '' }, [
      'drivers/char/agp/alpha-agp.c',
    ]);
    // alpha-agp.c is named by no Kbuild file of the fixture: undecided, so the alpha header is too.
    const r = fileClassifier(model, configOf())('arch/alpha/kernel/pci_impl.h');
    assert.equal(r.status, 'header', r.reason);
    assert.match(r.reason, /alpha-agp\.c/);
  });

  it('every known cross-architecture include names its includer', () => {
    for (const [header, by] of CROSS_ARCH_INCLUDES) {
      assert.match(header, /^arch\/[^/]+\//);
      assert.ok(by.length > 0 && by.every((f) => !f.startsWith(header.split('/').slice(0, 2).join('/'))), header);
    }
  });
});

describe('other architectures (arm64 config)', () => {
  const model = treeOf(
    {
      'arch/arm64/Makefile': 'core-$(CONFIG_XEN) += arch/arm64/xen/\n',
      'arch/arm64/xen/Makefile': 'xen-arm-y += $(addprefix ../../arm/xen/, enlighten.o)\nobj-y := xen-arm.o\n',
    },
    ['arch/arm/xen/enlighten.c', 'arch/arm/xen/other.c', 'arch/x86/kernel/setup.c'],
  );
  const classify = fileClassifier(model, ARM64);

  it('arm64 builds ../../arm/xen/*.o: arch/arm is reached, its file built', () => {
    assert.equal(classify('arch/arm/xen/enlighten.c').status, 'built-in');
  });
  it('so the rest of arch/arm is judged by Kbuild, never as "another architecture"', () => {
    assert.doesNotMatch(classify('arch/arm/xen/other.c').reason, /another architecture/);
  });
  it('arch/x86 is another architecture for arm64', () => {
    assert.equal(classify('arch/x86/kernel/setup.c').status, 'not-built');
  });
  it('arch/x86/include/asm/intel-family.h is included by include/linux/peci-cpu.h: undecided without the sources', () => {
    const r = classify('arch/x86/include/asm/intel-family.h');
    assert.equal(r.status, 'header', r.reason);
    assert.match(r.reason, /peci-cpu\.h/);
  });
});

describe('other architectures (arm64 config without Xen)', () => {
  it('an arch/arm header stays undecided: vendor arm64 drivers include arch/arm/mach-*/ headers by path', () => {
    const noXen = parseKernelConfig('# Linux/arm64 6.1.0 Kernel Configuration\nCONFIG_ARM64=y\nCONFIG_64BIT=y\n', {
      source: 'arm64.config',
    });
    const r = fileClassifier(treeOf({}), noXen)('arch/arm/mach-tegra/iomap.h');
    assert.equal(r.status, 'header', r.reason);
    assert.match(r.reason, /full source tree/);
  });
});
