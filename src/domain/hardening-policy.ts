/**
 * A team's hardening policy (the `--policy` file, docs/hardening.md): which checks count, which failures are
 * accepted for now, which values differ. Read and validated in `sources/hardening/read-hardening-policy.ts`;
 * applied in `analysis/hardening/policy.ts`.
 */
import type { Day } from './day.js';
import type { CheckType, Profile, Source } from './hardening-check.js';

/** A failing check accepted until `expires` (the last day it excuses the failure), with who decided and why. */
export type Waiver = { readonly reason: string; readonly owner: string; readonly expires: Day };

export type HardeningPolicy = {
  readonly profiles?: readonly Profile[];
  readonly sources?: readonly Source[];
  readonly types?: readonly CheckType[];
  readonly exclude?: readonly string[];
  readonly waivers?: readonly (Waiver & { readonly check: string })[];
  /** New desired value for a check, in the rule language (`y`, `is not set`, `>= 2`...). */
  readonly overrides?: readonly { readonly check: string; readonly expect: string }[];
};
