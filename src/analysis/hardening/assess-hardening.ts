import type { Day } from '../../domain/day.js';
import type { CompilerNeed, Expr, HardeningCheck, Rename } from '../../domain/hardening-check.js';
import type { Waiver } from '../../domain/hardening-policy.js';
import { formatKernelVersion } from '../../domain/kernel-version.js';
import { inapplicability, introducedIn } from './applicability.js';
import { type EvalContext, evaluateExpr, type HardeningInputs, lookup, MISSING } from './evaluate-condition.js';
import type { AppliedWaiver, CheckResult, HardeningReport } from './hardening-report.js';
import type { KernelFacts } from './kernel-facts.js';
import { latestReleaseText, type ReleaseIndex } from './release-index.js';
import { renderRuleText } from './rule-text.js';
import { scoreHardening } from './score-hardening.js';
import { planUpgradeGain } from './upgrade-gain.js';

export type AssessOptions = {
  readonly checks: readonly HardeningCheck[];
  readonly inputs: HardeningInputs;
  readonly facts: KernelFacts;
  /** Names the kernel in the report (usually the config path). */
  readonly source: string;
  readonly releases?: ReleaseIndex | null;
  readonly waivers?: ReadonlyMap<string, Waiver>;
  /** Today, for waiver expiry: passed in so the assessment stays pure. */
  readonly asOf: Day;
  /** The files the cmdline and sysctl inputs came from, carried into the report for SARIF locations. */
  readonly files?: { readonly cmdline: string | null; readonly sysctl: string | null };
};

/** The config line of each kconfig check's option, where the config names it. */
function configLinesOf(checks: readonly CheckResult[], config: HardeningInputs['config']): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const c of checks) {
    const line = c.type === 'kconfig' ? config?.lines?.get(c.option) : undefined;
    if (line !== undefined) lines[c.option] = line;
  }
  return lines;
}

const renameCache = new WeakMap<readonly HardeningCheck[], ReadonlyMap<string, readonly Rename[]>>();
/** Old names of every renamed symbol in the checklist (memoised: the table is immutable). */
function renamesOf(checks: readonly HardeningCheck[]): ReadonlyMap<string, readonly Rename[]> {
  const cached = renameCache.get(checks);
  if (cached) return cached;
  const map = new Map<string, readonly Rename[]>();
  for (const c of checks) if (c.renamedFrom) map.set(c.option, c.renamedFrom);
  renameCache.set(checks, map);
  return map;
}

const exprCache = new WeakMap<HardeningCheck, Expr>();
/** main AND andAlso..., OR orElse... (memoised per check object). */
function expressionOf(check: HardeningCheck): Expr {
  const cached = exprCache.get(check);
  if (cached) return cached;
  const expr = buildExpression(check);
  exprCache.set(check, expr);
  return expr;
}

function buildExpression(check: HardeningCheck): Expr {
  const main: Expr = { type: check.type, option: check.option, rule: check.rule };
  const core: Expr = check.andAlso ? { all: [main, ...check.andAlso] } : main;
  return check.orElse ? { any: [core, ...check.orElse] } : core;
}

function compilerText(cc: 'gcc' | 'clang', version: number): string {
  const major = Math.floor(version / 10000);
  const minor = Math.floor((version % 10000) / 100);
  return `${cc === 'gcc' ? 'GCC' : 'Clang'} ${major}.${minor}`;
}

/** Why a failing check may be out of reach with this compiler; null when the compiler is fine or unknown. */
function compilerGap(need: CompilerNeed | undefined, facts: KernelFacts): string | null {
  if (!need || !facts.compiler) return null;
  const { cc, version } = facts.compiler;
  const min = cc === 'gcc' ? need.gcc : need.clang;
  const ccOk = need.cc === 'gcc-or-clang' || need.cc === cc;
  if (ccOk && (min === undefined || version >= min)) return null;
  const wants = [
    need.cc !== 'clang' ? `GCC${need.gcc ? ` >= ${need.gcc / 10000}` : ''}` : null,
    need.cc !== 'gcc' ? `Clang${need.clang ? ` >= ${need.clang / 10000}` : ''}` : null,
  ]
    .filter(Boolean)
    .join(' or ');
  return `needs ${wants}; this kernel was built with ${compilerText(cc, version)}`;
}

function waiverFor(id: string, options: AssessOptions): AppliedWaiver | null {
  const w = options.waivers?.get(id);
  return w ? { ...w, expired: w.expires < options.asOf } : null;
}

function assessCheck(check: HardeningCheck, ctx: EvalContext, options: AssessOptions): CheckResult {
  const found = lookup(check, ctx);
  // One constructor so every result has the same key order in JSON (id, type, option, status first).
  const result = (
    status: CheckResult['status'],
    detail: string | null,
    waiver: AppliedWaiver | null = null,
  ): CheckResult => ({
    id: check.id,
    type: check.type,
    option: found?.name ?? check.option,
    status,
    desired: renderRuleText(check.rule),
    actual: found?.value ?? null,
    detail,
    reason: check.reason,
    profile: check.profile,
    sources: check.sources,
    since: introducedIn(check, options.facts.arch),
    waiver,
  });
  const out = inapplicability(check, options.facts, ctx);
  if (out) return result(out.kind === 'arch-unknown' ? 'unknown' : 'not-applicable', out.detail);
  // A check on an input that was not given is unknown, even when a Kconfig part of it could already fail:
  // `cmdline` and `sysctl` scores then stay empty instead of reporting failures nobody measured.
  if (found === null) return result('unknown', MISSING[check.type]);
  const outcome = evaluateExpr(expressionOf(check), ctx);
  if (outcome.value !== 'fail') return result(outcome.value, outcome.detail ?? null);
  const waiver = waiverFor(check.id, options);
  const notes = [
    compilerGap(check.compiler, options.facts),
    waiver?.expired ? `waiver expired on ${waiver.expires}` : null,
  ];
  const detail = notes.filter(Boolean).join('; ');
  return result('fail', detail === '' ? null : detail, waiver);
}

/** Evaluates the checklist on one kernel: per-check status, scores, and what a newer kernel would add. */
export function assessHardening(options: AssessOptions): HardeningReport {
  const ctx: EvalContext = {
    inputs: options.inputs,
    version: options.facts.version,
    renames: renamesOf(options.checks),
  };
  const checks = options.checks.map((c) => assessCheck(c, ctx, options));
  const { facts, inputs } = options;
  return {
    source: options.source,
    kernelVersion: facts.version ? formatKernelVersion(facts.version) : null,
    arch: facts.arch,
    compiler: facts.compiler ? compilerText(facts.compiler.cc, facts.compiler.version) : null,
    inputs: { config: inputs.config !== null, cmdline: inputs.cmdline !== null, sysctl: inputs.sysctl !== null },
    checks,
    scores: scoreHardening(checks),
    upgradeGain: planUpgradeGain(options.checks, checks, options.releases ?? null),
    latestRelease: latestReleaseText(options.releases ?? null),
    configLines: configLinesOf(checks, inputs.config),
    inputFiles: options.files ?? { cmdline: null, sysctl: null },
  };
}
