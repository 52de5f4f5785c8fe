import type { Arch, HardeningCheck } from '../../domain/hardening-check.js';
import {
  compareBranchKeys,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from '../../domain/kernel-version.js';
import { type EvalContext, resolveKconfigName } from './evaluate-condition.js';
import type { KernelFacts } from './kernel-facts.js';

const versionCache = new Map<string, KernelVersion | null>();
/** The table's version strings, parsed once. */
function versionOf(text: string | null | undefined): KernelVersion | null {
  if (!text) return null;
  let v = versionCache.get(text);
  if (v === undefined) {
    v = parseKernelVersion(text);
    versionCache.set(text, v);
  }
  return v;
}

/** How a "kernel too old" note starts: the upgrade gain recognizes those checks by it. */
export const TOO_OLD = 'introduced in';

/** Why a check does not apply to this kernel; null when it applies (or cannot be ruled out). */
export type Inapplicable = { readonly kind: 'arch' | 'too-old' | 'removed' | 'arch-unknown'; readonly detail: string };

/** The version that introduced a check's defense on an architecture. */
export function introducedIn(check: HardeningCheck, arch: string | null): string | null {
  return (arch ? check.sinceByArch?.[arch as Arch] : undefined) ?? check.since ?? null;
}

/**
 * True when the input mentions the option under any of its names: then the kernel has it (backports, vendor trees).
 * Not for list membership: CONFIG_LSM exists long before `landlock` can be in it.
 */
function mentioned(check: HardeningCheck, ctx: EvalContext): boolean {
  const { config, cmdline, sysctl } = ctx.inputs;
  if (check.rule.op === 'contains') return false;
  if (check.type === 'kconfig') {
    if (!config) return false;
    return config.values.has(resolveKconfigName(check.option, ctx));
  }
  return (check.type === 'cmdline' ? cmdline : sysctl)?.has(check.option) ?? false;
}

/** Rules out checks for other architectures, for kernels older than the option, and after its removal. */
export function inapplicability(check: HardeningCheck, facts: KernelFacts, ctx: EvalContext): Inapplicable | null {
  if (check.arches) {
    if (facts.arch === null)
      return { kind: 'arch-unknown', detail: `${check.arches.join('/')} only; architecture unknown (pass --arch)` };
    if (!(check.arches as readonly string[]).includes(facts.arch))
      return { kind: 'arch', detail: `${check.arches.join('/')} only; this kernel is ${facts.arch}` };
  }
  if (facts.version === null || mentioned(check, ctx)) return null;
  const since = introducedIn(check, facts.arch);
  const sinceVersion = versionOf(since);
  if (sinceVersion && compareBranchKeys(facts.version.branchKey, sinceVersion.branchKey) < 0) {
    const onArch = facts.arch && check.sinceByArch?.[facts.arch as Arch] ? ` on ${facts.arch}` : '';
    return {
      kind: 'too-old',
      detail: `${TOO_OLD} ${since}${onArch}; this kernel is ${formatKernelVersion(facts.version)}`,
    };
  }
  const until = versionOf(check.until);
  if (until && compareBranchKeys(facts.version.branchKey, until.branchKey) >= 0) {
    return {
      kind: 'removed',
      detail: `option removed in ${check.until}; this kernel is ${formatKernelVersion(facts.version)}`,
    };
  }
  return null;
}
