import type { CheckType, Profile, Reason, Source } from '../../domain/hardening-check.js';
import type { Waiver } from '../../domain/hardening-policy.js';

/** `ok`, `fail`, `not-applicable` (other arch, or a kernel older than the option: see `detail`), `unknown` (input missing). */
export const STATUSES = ['ok', 'fail', 'not-applicable', 'unknown'] as const;
export type CheckStatus = (typeof STATUSES)[number];

/** A waiver from a policy, as applied to one failing check. */
export type AppliedWaiver = Waiver & {
  /** An expired waiver no longer excuses the failure (and the report says so). */
  readonly expired: boolean;
};

/** The outcome of one check on one kernel. */
export type CheckResult = {
  readonly id: string;
  readonly type: CheckType;
  /** The option as this kernel names it (e.g. CONFIG_RETPOLINE on 6.1, CONFIG_MITIGATION_RETPOLINE on 6.9+). */
  readonly option: string;
  readonly desired: string;
  /** The value found for `option`; null when absent or when the input was not given. */
  readonly actual: string | null;
  readonly status: CheckStatus;
  /** Why it is not-applicable, unknown, or failing beyond the plain mismatch. */
  readonly detail: string | null;
  readonly reason: Reason;
  readonly profile: Profile;
  readonly sources: readonly Source[];
  readonly since: string | null;
  readonly waiver: AppliedWaiver | null;
};

/** A defense the kernel cannot have because it is too old, and the release that brings it. */
export type UpgradeGain = {
  readonly id: string;
  readonly type: CheckType;
  readonly option: string;
  readonly since: string;
  /** Release date of `since` from the release data, when known. */
  readonly sinceDate: string | null;
  readonly reason: Reason;
  readonly why: string;
};

/** Counts for one group of checks; `score` = ok / (ok + failing), in percent, null when nothing was decided. */
export type GroupScore = {
  readonly group: string;
  readonly ok: number;
  readonly fail: number;
  readonly waived: number;
  readonly notApplicable: number;
  readonly unknown: number;
  readonly score: number | null;
};

/** Everything kgap says about one kernel's hardening. */
export type HardeningReport = {
  readonly source: string;
  readonly kernelVersion: string | null;
  readonly arch: string | null;
  readonly compiler: string | null;
  readonly inputs: { readonly config: boolean; readonly cmdline: boolean; readonly sysctl: boolean };
  readonly checks: readonly CheckResult[];
  /** By reason class, then by type, then `total`. */
  readonly scores: readonly GroupScore[];
  readonly upgradeGain: readonly UpgradeGain[];
  /** The newest release in the release data, the limit of the upgrade gain; null without release data. */
  readonly latestRelease: string | null;
  /**
   * Where the kconfig checks' options are decided: option -> 1-based line in the config (`source`), for options
   * the config names. SARIF and CI annotations point there; the JSON report does not carry it.
   */
  readonly configLines?: Readonly<Record<string, number>>;
  /** The files the cmdline and sysctl checks read, when they came from files (for SARIF locations). */
  readonly inputFiles?: { readonly cmdline: string | null; readonly sysctl: string | null };
};
