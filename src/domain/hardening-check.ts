/**
 * The vocabulary of the hardening checklist: what a check looks at, what it wants, and why.
 * The checklist itself is data (`analysis/hardening/checks/*.ts`); evaluation is in
 * `analysis/hardening/assess-hardening.ts`; a policy file (`domain/hardening-policy.ts`) selects from it.
 */

/** Architectures the checklist knows; a check without `arches` applies to all of them. */
export const ARCHES = ['x86_64', 'arm64', 'arm', 'riscv'] as const;
export type Arch = (typeof ARCHES)[number];

/** Where the option lives: the build config, the boot command line, or a runtime sysctl. */
export const CHECK_TYPES = ['kconfig', 'cmdline', 'sysctl'] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

/** Why the option matters (the KSPP's classification, in kgap's words). */
export const REASONS = ['self-protection', 'attack-surface', 'security-policy', 'userspace-hardening'] as const;
export type Reason = (typeof REASONS)[number];

/**
 * Who recommends it. `upstream-default`: the kernel's own default/defconfig; `kspp`: the Kernel Self Protection
 * Project's recommended settings; `clipos`, `grsecurity`: those projects' hardened configs; `lockdown`: options
 * the lockdown LSM restricts; `maintainer`: advice of a subsystem maintainer; `distro`: distribution hardening
 * guides; `kgap`: this project's own pick (said why in the note).
 */
export const SOURCES = [
  'upstream-default',
  'kspp',
  'clipos',
  'grsecurity',
  'lockdown',
  'maintainer',
  'distro',
  'kgap',
] as const;
export type Source = (typeof SOURCES)[number];

/** How demanding: `baseline` costs nothing a product should mind, `recommended` is the KSPP line, `strict` breaks things. */
export const PROFILES = ['baseline', 'recommended', 'strict'] as const;
export type Profile = (typeof PROFILES)[number];

/** The desired value of one option. */
export type Rule =
  | { readonly op: 'eq'; readonly value: string }
  | { readonly op: 'not-set' }
  | { readonly op: 'present' }
  | { readonly op: 'not-off' }
  | { readonly op: 'min'; readonly value: number }
  | { readonly op: 'max'; readonly value: number }
  | { readonly op: 'contains'; readonly value: string }
  | { readonly op: 'equals-option'; readonly option: string };

/** One option compared with one rule. */
export type Condition = {
  readonly type: CheckType;
  readonly option: string;
  readonly rule: Rule;
};

/** OR/AND combinations of conditions. */
export type Expr = Condition | { readonly any: readonly Expr[] } | { readonly all: readonly Expr[] };

/** A compiler a defense needs; `minVersion` in the kernel's encoding (GCC 12.1 -> 120100). */
export type CompilerNeed = {
  readonly cc: 'gcc' | 'clang' | 'gcc-or-clang';
  readonly gcc?: number;
  readonly clang?: number;
};

/** An older name of a Kconfig symbol: `name` was used before `until` (e.g. CONFIG_RETPOLINE before 6.9). */
export type Rename = { readonly name: string; readonly until: string };

/** One entry of the checklist. */
export type HardeningCheck = {
  /** Unique, stable id used by policies and JSON: the option name, suffixed only when one option has two checks. */
  readonly id: string;
  readonly type: CheckType;
  readonly option: string;
  /** The desired value of `option`. */
  readonly rule: Rule;
  /** Also required (AND) with the main rule. */
  readonly andAlso?: readonly Expr[];
  /** Alternatives (OR) that satisfy the check too, e.g. `CONFIG_MODULES is not set` for module signing. */
  readonly orElse?: readonly Expr[];
  /** Architectures it applies to; all when absent. */
  readonly arches?: readonly Arch[];
  /** Mainline version that introduced the defense (under any name); absent when older than every kernel kgap meets (< 4.9). */
  readonly since?: string;
  /** Per-architecture introduction when it differs from `since`. */
  readonly sinceByArch?: Partial<Record<Arch, string>>;
  /** Mainline version that removed the option (the defense became unconditional or went away). */
  readonly until?: string;
  readonly renamedFrom?: readonly Rename[];
  readonly compiler?: CompilerNeed;
  readonly reason: Reason;
  readonly sources: readonly Source[];
  readonly profile: Profile;
  /**
   * False when a newer kernel having this option is not a gain in defense: new attack surface (io_uring, ksmbd...)
   * or a new switch for a defense older kernels already apply (the 6.12 per-vulnerability MITIGATION_* options).
   */
  readonly upgradeGain?: false;
  /** One line: what it defends against. */
  readonly why: string;
  /** One line on performance or breakage cost, when known. */
  readonly cost?: string;
};
