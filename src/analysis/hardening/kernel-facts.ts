import { ARCHES, type Arch } from '../../domain/hardening-check.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';

/** What the checks need to know about the kernel besides option values. */
export type KernelFacts = {
  /** Upstream version the kernel is based on; null when unknown (then no check is ruled out by version). */
  readonly version: KernelVersion | null;
  /**
   * One of kgap's architectures, or the config's own name for another one (`powerpc`: architecture-specific checks
   * are then not-applicable); null when unknown (they are then `unknown`).
   */
  readonly arch: string | null;
  /** The compiler from the config (`CONFIG_CC_IS_CLANG`, `CONFIG_GCC_VERSION`); null when not said. */
  readonly compiler: { readonly cc: 'gcc' | 'clang'; readonly version: number } | null;
};

/**
 * The upstream version inside a vendor release string: `6.12.0-55.40.1.el10_0.x86_64` -> 6.12,
 * `6.15.11-hardened1` -> 6.15.11, `6.6.104.2` -> 6.6.104, `6.18.0-rc3` -> 6.18-rc3.
 */
export function upstreamVersionOf(text: string): KernelVersion | null {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (!m) return null;
  const rc = /^[^-]*-rc(\d+)/.exec(text.trim());
  const base = `${m[1]}.${m[2]}${m[3] !== undefined && m[3] !== '0' ? `.${m[3]}` : ''}`;
  return parseKernelVersion(
    rc?.[1] !== undefined && (m[3] === undefined || m[3] === '0') ? `${base}-rc${rc[1]}` : base,
  );
}

/** Maps the names kernels and tools use (`x86`, `aarch64`, `riscv64`) to kgap's architectures; null when unknown. */
export function normalizeArch(text: string): Arch | null {
  const t = text.trim().toLowerCase();
  const aliases: Record<string, Arch> = {
    x86: 'x86_64',
    x86_64: 'x86_64',
    amd64: 'x86_64',
    aarch64: 'arm64',
    arm64: 'arm64',
    arm: 'arm',
    riscv: 'riscv',
    riscv64: 'riscv',
  };
  const hit = aliases[t];
  if (hit) return hit;
  return (ARCHES as readonly string[]).includes(t) ? (t as Arch) : null;
}

/** Facts from a config, each overridable (`--arch`, `--kernel-version`). */
export function kernelFactsOf(
  config: KernelConfig | null,
  overrides: { readonly arch?: Arch; readonly version?: KernelVersion } = {},
): KernelFacts {
  const version = overrides.version ?? (config?.version ? upstreamVersionOf(config.version) : null);
  const arch = overrides.arch ?? (config?.arch ? (normalizeArch(config.arch) ?? config.arch) : null);
  return { version, arch, compiler: config ? compilerOf(config) : null };
}

function compilerOf(config: KernelConfig): KernelFacts['compiler'] {
  if (config.values.get('CONFIG_CC_IS_CLANG') === 'y') {
    return { cc: 'clang', version: Number(config.values.get('CONFIG_CLANG_VERSION') ?? 0) };
  }
  if (config.values.get('CONFIG_CC_IS_GCC') === 'y') {
    return { cc: 'gcc', version: Number(config.values.get('CONFIG_GCC_VERSION') ?? 0) };
  }
  return null;
}
