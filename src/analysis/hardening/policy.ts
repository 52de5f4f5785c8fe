import type { HardeningCheck } from '../../domain/hardening-check.js';
import type { HardeningPolicy, Waiver } from '../../domain/hardening-policy.js';
import { parseRuleText } from './rule-text.js';

/** Edit distance, for "did you mean" on check ids. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest existing ids to a mistyped one (at most three). */
export function nearestIds(id: string, checks: readonly HardeningCheck[]): string[] {
  return checks
    .map((c) => ({ id: c.id, d: distance(id, c.id) }))
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.id);
}

/** Problems with a policy's references to the checklist: unknown ids (with suggestions), bad rules. Empty when fine. */
export function policyProblems(policy: HardeningPolicy, checks: readonly HardeningCheck[]): string[] {
  const ids = new Set(checks.map((c) => c.id));
  const problems: string[] = [];
  const refs = [
    ...(policy.exclude ?? []).map((id) => ['exclude', id] as const),
    ...(policy.waivers ?? []).map((w) => ['waivers', w.check] as const),
    ...(policy.overrides ?? []).map((o) => ['overrides', o.check] as const),
  ];
  for (const [field, id] of refs) {
    if (!ids.has(id))
      problems.push(
        `${field}: unknown check id "${id}" (did you mean ${nearestIds(id, checks).join(', ')}? the checklist has ${ids.size})`,
      );
  }
  for (const o of policy.overrides ?? []) {
    if (parseRuleText(o.expect) === null)
      problems.push(
        `overrides: "${o.expect}" for ${o.check} is not a rule (use y, m, is not set, is present, is not off, >= N, <= N, contains X, or a value)`,
      );
  }
  return problems;
}

/** The checks a policy selects, with its overrides applied. An override replaces the whole rule (alternatives too). */
export function selectChecks(checks: readonly HardeningCheck[], policy: HardeningPolicy | null): HardeningCheck[] {
  if (!policy) return [...checks];
  const excluded = new Set(policy.exclude ?? []);
  const overrides = new Map((policy.overrides ?? []).map((o) => [o.check, parseRuleText(o.expect)]));
  return checks
    .filter((c) => !excluded.has(c.id))
    .filter((c) => !policy.profiles || policy.profiles.includes(c.profile))
    .filter((c) => !policy.types || policy.types.includes(c.type))
    .filter((c) => !policy.sources || c.sources.some((s) => policy.sources?.includes(s)))
    .map((c) => {
      const rule = overrides.get(c.id);
      if (!rule) return c;
      const { andAlso: _a, orElse: _o, ...rest } = c;
      return { ...rest, rule };
    });
}

/** Waivers by check id. */
export function waiversOf(policy: HardeningPolicy | null): ReadonlyMap<string, Waiver> {
  return new Map(
    (policy?.waivers ?? []).map((w) => [w.check, { reason: w.reason, owner: w.owner, expires: w.expires }]),
  );
}
