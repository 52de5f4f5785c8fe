/**
 * Known issues: failures (or crash signatures) a team has accepted for a while, each with a reason and, in kgap's
 * own format, an expiry day. kgap's file is read in `sources/results/parse-known-issues.ts`, Linaro LKFT's
 * (`qa-reports-known-issues` YAML, no expiry: its `active` flag retires an issue) in
 * `sources/results/parse-lkft-known-issues.ts`; the gate matches them in `analysis/gate/known-issues.ts`.
 */
import type { Day } from './day.js';

export type KnownIssue = {
  /** A test id pattern (`*` matches any run of characters, `/` included), or null for a crash entry. */
  readonly test: string | null;
  /** A crash signature pattern, or null for a test entry. */
  readonly crash: string | null;
  readonly reason: string;
  /** Last day (UTC) the entry excuses anything; null when the format has no expiry (LKFT's). */
  readonly expires: Day | null;
  readonly link: string | null;
};

/** What the gate did with a matching known issue. */
export type KnownIssueMatch = {
  readonly reason: string;
  readonly expires: Day | null;
  readonly expired: boolean;
};

/**
 * One known issue of an LKFT (`qa-reports-known-issues`) file, one per test name as SQUAD stores them. It
 * applies to a test run of SQUAD project P in environment E when `scope[P]` lists E.
 */
export type LkftKnownIssue = {
  /** The file's project group (`name:` of its `projects:` entry, e.g. `LKFT`). */
  readonly group: string;
  /** `<suite>/<test>`, possibly with `*` (SQUAD matches it as a pattern). */
  readonly testName: string;
  readonly notes: string | null;
  readonly url: string | null;
  /** An inactive issue excuses nothing. */
  readonly active: boolean;
  /** The failure comes and goes; null when the file does not say. */
  readonly intermittent: boolean | null;
  /** SQUAD project (`lkft/linux-stable-rc-linux-6.1.y`) -> the environments it applies to, sorted. */
  readonly scope: Readonly<Record<string, readonly string[]>>;
};

/** An LKFT file's project groups (their SQUAD projects and environments) and its issues. */
export type LkftKnownIssues = {
  readonly groups: readonly {
    readonly name: string;
    readonly projects: readonly string[];
    readonly environments: readonly string[];
  }[];
  readonly issues: readonly LkftKnownIssue[];
};
