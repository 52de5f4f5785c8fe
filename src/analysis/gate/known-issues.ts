/**
 * Known issues: failures (or crash signatures) a team has accepted for a while, each with a reason and an
 * expiry date. An unexpired entry excuses a regression; an expired one excuses nothing and says so, so
 * accepted failures cannot linger silently. The file is validated in `sources/results/parse-known-issues.ts`.
 */

export type KnownIssue = {
  /** A test id pattern (`*` matches any run of characters, `/` included), or null for a crash entry. */
  readonly test: string | null;
  /** A crash signature pattern, or null for a test entry. */
  readonly crash: string | null;
  readonly reason: string;
  /** Last day (UTC, `YYYY-MM-DD`) the entry excuses anything. */
  readonly expires: string;
  readonly link: string | null;
};

/** What the gate did with a matching known issue. */
export type KnownIssueMatch = {
  readonly reason: string;
  readonly expires: string;
  readonly expired: boolean;
};

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Matches ids against known issues; compiled once per gate run. `asOf` is a `YYYY-MM-DD` day. */
export function knownIssueMatcher(
  issues: readonly KnownIssue[],
  asOf: string,
): { test: (id: string) => KnownIssueMatch | null; crash: (signature: string) => KnownIssueMatch | null } {
  const compiled = issues.map((issue) => ({
    issue,
    test: issue.test === null ? null : globToRegExp(issue.test),
    crash: issue.crash === null ? null : globToRegExp(issue.crash),
  }));
  // An unexpired match wins over an expired one, so renewing an entry by adding a new one works.
  const find = (pick: (c: (typeof compiled)[number]) => RegExp | null, value: string): KnownIssueMatch | null => {
    let expired: KnownIssueMatch | null = null;
    for (const c of compiled) {
      if (pick(c)?.test(value) !== true) continue;
      const match = { reason: c.issue.reason, expires: c.issue.expires, expired: c.issue.expires < asOf };
      if (!match.expired) return match;
      expired ??= match;
    }
    return expired;
  };
  return { test: (id) => find((c) => c.test, id), crash: (sig) => find((c) => c.crash, sig) };
}
