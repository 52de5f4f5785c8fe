/**
 * Known issues: failures (or crash signatures) a team has accepted for a while, each with a reason and an expiry
 * day. The file is read and validated in `sources/results/parse-known-issues.ts`; the gate matches them in
 * `analysis/gate/known-issues.ts`.
 */
import type { Day } from './day.js';

export type KnownIssue = {
  /** A test id pattern (`*` matches any run of characters, `/` included), or null for a crash entry. */
  readonly test: string | null;
  /** A crash signature pattern, or null for a test entry. */
  readonly crash: string | null;
  readonly reason: string;
  /** Last day (UTC) the entry excuses anything. */
  readonly expires: Day;
  readonly link: string | null;
};

/** What the gate did with a matching known issue. */
export type KnownIssueMatch = {
  readonly reason: string;
  readonly expires: Day;
  readonly expired: boolean;
};
