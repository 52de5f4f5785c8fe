import type {
  CheckType,
  Condition,
  Expr,
  HardeningCheck,
  Profile,
  Reason,
  Source,
} from '../../../domain/hardening-check.js';
import { parseRuleText } from '../rule-text.js';

/** Everything about a check except what the builder derives from its first two arguments. */
export type CheckMeta = Omit<HardeningCheck, 'id' | 'type' | 'option' | 'rule' | 'reason' | 'sources' | 'profile'> & {
  readonly id?: string;
  readonly reason?: Reason;
  readonly sources?: readonly Source[];
  readonly profile?: Profile;
};

/** Defaults shared by one group of table rows, so each row states only what differs. */
export type GroupDefaults = { readonly reason: Reason; readonly sources: readonly Source[]; readonly profile: Profile };

function rule(text: string, where: string) {
  const r = parseRuleText(text);
  // The table is code: a bad rule is a programming error, caught by the checklist test at load time.
  if (r === null) throw new Error(`checklist: bad rule "${text}" for ${where}`);
  return r;
}

/** A condition for `orElse`/`andAlso`: `kc('CONFIG_MODULES', 'is not set')`. */
export function cond(type: CheckType, option: string, want: string): Condition {
  return { type, option, rule: rule(want, option) };
}
export const kc = (option: string, want: string): Condition => cond('kconfig', option, want);
export const cl = (option: string, want: string): Condition => cond('cmdline', option, want);
export const any = (...items: Expr[]): Expr => ({ any: items });
export const all = (...items: Expr[]): Expr => ({ all: items });

/** Returns a row builder for one check type and one group's defaults. */
export function rowsOf(type: CheckType, defaults: GroupDefaults) {
  return (option: string, want: string, meta: CheckMeta): HardeningCheck => {
    const { id, reason, sources, profile, ...rest } = meta;
    return {
      id: id ?? option,
      type,
      option,
      rule: rule(want, option),
      reason: reason ?? defaults.reason,
      sources: sources ?? defaults.sources,
      profile: profile ?? defaults.profile,
      ...rest,
    };
  };
}
