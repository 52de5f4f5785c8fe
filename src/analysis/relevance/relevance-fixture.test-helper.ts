/** Builders for relevance tests: a small in-memory kernel tree modeled on 6.1's top-level Kbuild layout. */

import type { KbuildModel } from '../../domain/kbuild-model.js';
import { type KernelConfig, parseKernelConfig } from '../../domain/kernel-config.js';
import type { ParsedMakefile } from '../../domain/makefile-ast.js';
import { parseMakefile } from '../../sources/kbuild/parse-makefile.js';

/** The top Makefile's relevant part (6.1): entry variables, then the arch Makefile. */
export const TOP_MAKEFILE = `VERSION = 6
PATCHLEVEL = 1
SUBLEVEL = 0
ifeq ($(KBUILD_EXTMOD),)
core-y		:=
drivers-y	:=
libs-y		:= lib/
endif # KBUILD_EXTMOD
include $(srctree)/arch/$(SRCARCH)/Makefile
`;

/** The top-level Kbuild of 6.1 (trimmed): directory descent from the root. */
export const ROOT_KBUILD = `obj-y			+= init/
obj-y			+= arch/$(SRCARCH)/
obj-y			+= $(ARCH_CORE)
obj-y			+= kernel/
obj-$(CONFIG_NET)	+= net/
obj-y			+= $(ARCH_LIB)
obj-y			+= drivers/
obj-y			+= $(ARCH_DRIVERS)
`;

export const X86_MAKEFILE = `BITS := 64
export BITS
libs-y  += arch/x86/lib/
drivers-$(CONFIG_PCI)            += arch/x86/pci/
archheaders:
\t$(Q)$(MAKE) $(build)=arch/x86/entry/syscalls all
`;

/** A model from Kbuild texts by path plus the other files of the tree (sources and headers). */
export function treeOf(makefiles: Readonly<Record<string, string>>, sources: readonly string[] = []): KbuildModel {
  const all: Record<string, string> = {
    Makefile: TOP_MAKEFILE,
    Kbuild: ROOT_KBUILD,
    'arch/x86/Makefile': X86_MAKEFILE,
    'arch/x86/Kbuild': '',
    'init/Makefile': 'obj-y := main.o\n',
    'kernel/Makefile': 'obj-y = fork.o\n',
    'lib/Makefile': 'lib-y := sort.o\n',
    'arch/x86/lib/Makefile': 'lib-y := delay.o\n',
    'drivers/Makefile': '',
    'net/Makefile': 'obj-$(CONFIG_NET) += core/\n',
    'net/core/Makefile': 'obj-y := dev.o\n',
    ...makefiles,
  };
  const parsed = new Map<string, ParsedMakefile>();
  for (const [path, text] of Object.entries(all)) parsed.set(path, parseMakefile(text));
  const files = new Set([...Object.keys(all), ...sources, 'init/main.c', 'kernel/fork.c', 'net/core/dev.c']);
  return { source: 'test-tree', version: '6.1.0', files, makefiles: parsed, problems: [] };
}

/** An x86_64 config with the given symbols (`y`, `m`, or a value); unlisted symbols are unset. */
export function configOf(symbols: Readonly<Record<string, string>> = {}, header = true): KernelConfig {
  const lines = header ? ['# Linux/x86 6.1.0 Kernel Configuration'] : [];
  lines.push('CONFIG_X86_64=y', 'CONFIG_64BIT=y', 'CONFIG_NET=y');
  for (const [k, v] of Object.entries(symbols)) lines.push(v === 'n' ? `# CONFIG_${k} is not set` : `CONFIG_${k}=${v}`);
  return parseKernelConfig(`${lines.join('\n')}\n`, { source: 'test.config' });
}
