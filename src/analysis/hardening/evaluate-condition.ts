import type { Condition, Expr, Rename, Rule } from '../../domain/hardening-check.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { compareKernelVersions, type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';

/** The inputs a check reads; null means "not given" and makes dependent checks `unknown`. */
export type HardeningInputs = {
  readonly config: KernelConfig | null;
  readonly cmdline: ReadonlyMap<string, string> | null;
  readonly sysctl: ReadonlyMap<string, string> | null;
};

/** Three-valued outcome: `unknown` when an input is missing. */
export type Outcome = { readonly value: 'ok' | 'fail' | 'unknown'; readonly detail?: string };

export type EvalContext = {
  readonly inputs: HardeningInputs;
  readonly version: KernelVersion | null;
  /** Older names of Kconfig symbols, by current name. */
  readonly renames: ReadonlyMap<string, readonly Rename[]>;
};

const OFF = new Set(['off', '0', 'n', 'no', 'false', 'f']);
const ON = new Set(['on', '1', 'y', 'yes', 'true', 't']);

/** kstrtobool-style normalization, applied only when the rule compares with 0/1 (the kernel does the same). */
function boolish(value: string): string {
  const v = value.toLowerCase();
  if (ON.has(v)) return '1';
  if (OFF.has(v)) return '0';
  return value;
}

/** The Kconfig name a kernel uses for a symbol: the current one, or an older one the config or its version uses. */
export function resolveKconfigName(option: string, ctx: EvalContext): string {
  const config = ctx.inputs.config;
  if (config?.values.has(option)) return option;
  for (const r of ctx.renames.get(option) ?? []) {
    if (config?.values.has(r.name)) return r.name;
  }
  for (const r of ctx.renames.get(option) ?? []) {
    const until = parseKernelVersion(r.until);
    if (ctx.version && until && compareKernelVersions(ctx.version, until) < 0) return r.name;
  }
  return option;
}

/** The raw value an option has in the inputs: undefined when absent, null when that input was not given. */
export function lookup(cond: Condition, ctx: EvalContext): { name: string; value: string | undefined } | null {
  const { config, cmdline, sysctl } = ctx.inputs;
  if (cond.type === 'kconfig') {
    if (!config) return null;
    const name = resolveKconfigName(cond.option, ctx);
    return { name, value: config.values.get(name) };
  }
  const map = cond.type === 'cmdline' ? cmdline : sysctl;
  return map ? { name: cond.option, value: map.get(cond.option) } : null;
}

function numberOf(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

/** Whether a present-or-absent value satisfies a rule. Kconfig "absent" means `n`. */
export function satisfies(rule: Rule, cond: Condition, value: string | undefined, ctx: EvalContext): boolean {
  const isKconfig = cond.type === 'kconfig';
  const v = isKconfig ? (value ?? 'n') : value;
  switch (rule.op) {
    case 'eq':
      if (v === undefined) return false;
      if (!isKconfig && (rule.value === '0' || rule.value === '1')) return boolish(v) === rule.value;
      return v === rule.value;
    case 'not-set':
      // An empty string option (`CONFIG_BUILD_SALT=""`) is unset too.
      return isKconfig ? v === 'n' || v === '' : v === undefined;
    case 'present':
      return value !== undefined;
    case 'not-off':
      if (isKconfig) return v !== 'n' && v !== '';
      return v === undefined || !OFF.has(v.toLowerCase());
    case 'min': {
      const n = numberOf(v);
      return n !== null && n >= rule.value;
    }
    case 'max': {
      const n = numberOf(v);
      return n !== null && n <= rule.value;
    }
    case 'contains':
      return v?.split(',').some((x) => x.trim() === rule.value) ?? false;
    case 'equals-option': {
      const other = ctx.inputs.config?.values.get(rule.option);
      return v !== undefined && v !== 'n' && other !== undefined && v === other;
    }
  }
}

/** Why a condition on a missing input is unknown. */
export const MISSING: Record<Condition['type'], string> = {
  kconfig: 'no kernel config given',
  cmdline: 'no kernel command line given (--cmdline)',
  sysctl: 'no sysctl values given (--sysctl)',
};

/** Evaluates one condition. */
export function evaluateCondition(cond: Condition, ctx: EvalContext): Outcome {
  const found = lookup(cond, ctx);
  if (found === null) return { value: 'unknown', detail: MISSING[cond.type] };
  if (cond.type === 'sysctl' && found.value === undefined && cond.rule.op !== 'not-set') {
    return {
      value: 'unknown',
      detail: `${cond.option} is not in the sysctl input (not collected, or this kernel lacks it)`,
    };
  }
  return { value: satisfies(cond.rule, cond, found.value, ctx) ? 'ok' : 'fail' };
}

/** Kleene logic: `any` is ok if one is ok, `all` fails if one fails; otherwise unknown wins over the rest. */
export function evaluateExpr(expr: Expr, ctx: EvalContext): Outcome {
  if ('any' in expr || 'all' in expr) {
    const isAny = 'any' in expr;
    const outcomes = ('any' in expr ? expr.any : expr.all).map((e) => evaluateExpr(e, ctx));
    const decisive = isAny ? 'ok' : 'fail';
    const hit = outcomes.find((o) => o.value === decisive);
    if (hit) return hit;
    const unknown = outcomes.find((o) => o.value === 'unknown');
    if (unknown) return unknown;
    return { value: isAny ? 'fail' : 'ok' };
  }
  return evaluateCondition(expr, ctx);
}
