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
export function kbuildArch(config: KernelConfig): { arch: string; srcarch: string } | null {
  let arch = config.arch;
  if (arch === null) return null;
  if (arch === 'x86') arch = config.values.get('CONFIG_64BIT') === 'y' ? 'x86_64' : 'i386';
  return { arch, srcarch: SRCARCH[arch] ?? arch };
}
