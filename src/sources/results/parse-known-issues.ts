/**
 * The known-issues file (JSON, `schemaVersion: 1`), validated with zod at the border:
 * `{ "schemaVersion": 1, "issues": [{ "test": "ltp/fcntl14", "reason": "...", "expires": "2026-12-31" },
 * { "crash": "warning: WARNING: at drivers/foo.c foo_probe*", "reason": "...", "expires": "..." }] }`.
 * Each entry names exactly one of `test` or `crash` (patterns, `*` = any characters).
 */
import { z } from 'zod';
import { dayProblem, isDay } from '../../domain/day.js';
import type { KnownIssue } from '../../domain/known-issue.js';

// A real calendar day, refused with the message every command gives for a bad day (2026-02-30 is not one).
const Day = z.string().refine(isDay, { error: (issue) => dayProblem(String(issue.input)) });

const Entry = z
  .object({
    test: z.string().min(1).optional(),
    crash: z.string().min(1).optional(),
    reason: z.string().min(1, 'reason is required: say why the failure is accepted'),
    expires: Day,
    link: z.string().optional(),
  })
  .strict()
  .refine((e) => (e.test === undefined) !== (e.crash === undefined), 'each issue names exactly one of test or crash');

const KnownIssuesFile = z.object({ schemaVersion: z.literal(1), issues: z.array(Entry) }).strict();

/** Parses and validates a known-issues file; `{ problems }` lists what is wrong when it is invalid. */
export function parseKnownIssues(text: string): {
  readonly issues: readonly KnownIssue[];
  readonly problems: readonly string[];
} {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { issues: [], problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = KnownIssuesFile.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    return { issues: [], problems };
  }
  const issues = parsed.data.issues.map((e) => ({
    test: e.test ?? null,
    crash: e.crash ?? null,
    reason: e.reason,
    expires: e.expires,
    link: e.link ?? null,
  }));
  return { issues, problems: [] };
}
