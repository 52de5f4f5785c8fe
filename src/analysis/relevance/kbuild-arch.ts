/** Mapping a config's architecture to the kernel's `arch/` directory name. */
import type { KernelConfig } from '../../domain/kernel-config.js';

// The top Makefile's `SRCARCH` rules: x86_64/i386 share arch/x86, and so on.
const SRCARCH: Readonly<Record<string, string>> = {
  x86_64: 'x86',
  i386: 'x86',
  x86: 'x86',
  sparc64: 'sparc',
  sparc32: 'sparc',
  parisc64: 'parisc',
  sh64: 'sh',
  ppc: 'powerpc',
  ppc64: 'powerpc',
};

/** `{ arch, srcarch }` for a config, or null when the config does not say. */
export function kbuildArch(config: KernelConfig): { arch: string; srcarch: string; subarch?: string } | null {
  // User-mode Linux configs also set CONFIG_X86_64 (the host's): they build arch/um, plus parts of arch/x86.
  if (config.values.get('CONFIG_UML') === 'y') return { arch: 'um', srcarch: 'um', subarch: 'x86' };
  let arch = config.arch;
  if (arch === null) return null;
  if (arch === 'x86') arch = config.values.get('CONFIG_64BIT') === 'y' ? 'x86_64' : 'i386';
  return { arch, srcarch: SRCARCH[arch] ?? arch };
}
