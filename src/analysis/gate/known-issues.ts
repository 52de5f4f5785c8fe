/**
 * Matching known issues: an unexpired entry excuses a regression; an expired one excuses nothing and says so, so
 * accepted failures cannot linger silently. The vocabulary is in `domain/known-issue.ts`.
 */
import type { Day } from '../../domain/day.js';
import type { KnownIssue, KnownIssueMatch } from '../../domain/known-issue.js';

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * Matches ids against known issues; compiled once per gate run. An entry expires after its `expires` day; one
 * without (LKFT's) never does.
 */
export function knownIssueMatcher(
  issues: readonly KnownIssue[],
  asOf: Day,
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
      const expires = c.issue.expires;
      const match = { reason: c.issue.reason, expires, expired: expires !== null && expires < asOf };
      if (!match.expired) return match;
      expired ??= match;
    }
    return expired;
  };
  return { test: (id) => find((c) => c.test, id), crash: (sig) => find((c) => c.crash, sig) };
}
