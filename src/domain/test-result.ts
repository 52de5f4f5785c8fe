/**
 * The vocabulary every results parser produces and the gate consumes: one test's outcome in one run.
 * Parsers live in `sources/results/`, the gate in `analysis/gate/`; both import these types.
 */

/**
 * A test's outcome, as fine-grained as the formats tell it. KTAP directives map one-to-one
 * (SKIP, XFAIL, TIMEOUT, ERROR; TODO on a failing test is an expected failure); LTP's TBROK is `error`,
 * TCONF `skip`, TWARN `warn`.
 */
export const TEST_STATUSES = ['pass', 'fail', 'skip', 'xfail', 'timeout', 'error', 'warn'] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];

/** One test's result in one run. `id` is the stable `suite/sub/test` path (see docs/gate.md). */
export type TestResult = {
  readonly id: string;
  readonly status: TestStatus;
  /** Diagnostic text the format attached (directive reason, failure message), trimmed and capped. */
  readonly detail?: string;
};

/** Formats the parsers recognize; the table in `sources/results/result-formats.ts` is keyed by these. */
export const RESULT_FORMATS = ['ktap', 'ltp-results', 'ltp-output', 'kirk-json', 'junit'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** One run: what one results file said. */
export type ResultRun = {
  /** Where it came from (a path relative to the results directory), for messages and the report. */
  readonly source: string;
  readonly format: ResultFormat;
  readonly tests: readonly TestResult[];
  /**
   * Why the run stopped before it finished, or null when it completed: `Bail out!`, fewer results than the
   * plan announced, a nested block left open (the kernel crashed mid-run), truncated XML or JSON.
   */
  readonly endedEarly: string | null;
  /** Lines or records the parser could not use; counted and reported, never fatal. */
  readonly problems: readonly string[];
};

/** Caps a diagnostic so a million failing tests cannot hold a million long strings. */
export function capDetail(text: string, max = 200): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
