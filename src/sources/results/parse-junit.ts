/**
 * JUnit XML (Ant/Maven surefire, pytest, GoogleTest, Jenkins and GitLab readers): `<testsuites>` >
 * `<testsuite name>` > `<testcase classname name>`. The outcome is read from the child elements `<failure>`,
 * `<error>` and `<skipped>`; a `status` attribute is ignored (tools disagree on it: GoogleTest writes
 * `status="run"` for failed tests too). Only when there is no child element do `status`/`result` values
 * that unambiguously mean "not run" (`notrun`, `skipped`, `disabled`) make it a skip.
 */
import { capDetail, type ResultRun, type TestResult, type TestStatus } from '../../domain/test-result.js';
import { readXmlEvents, type XmlAttributes } from './xml-events.js';

type Case = { id: string; status: TestStatus | null; hint: TestStatus; detail: string; inOutcome: boolean };

const NOT_RUN = new Set(['notrun', 'skipped', 'skip', 'disabled', 'ignored']);
const CHILD_STATUS: Readonly<Record<string, TestStatus>> = { failure: 'fail', error: 'error', skipped: 'skip' };
// When a test has several outcome children (a failure and an error), the worst one wins.
const RANK: Readonly<Record<TestStatus, number>> = {
  pass: 0,
  xfail: 0,
  skip: 1,
  warn: 2,
  fail: 3,
  timeout: 4,
  error: 5,
};

/** Suites nested deeper than this do not add to test ids (KGAP_MAX_XML_DEPTH's default; docs/security.md). */
export const DEFAULT_MAX_SUITE_DEPTH = 256;

/**
 * Parses a JUnit XML report. Never throws. Linear in the input: the id prefix is a stack kept as suites open and
 * close, and suites nested deeper than `maxDepth` are counted but add nothing to ids (40,000 nested suites once
 * took 24 s when every open and close copied the stack; a hostile report is now one problem line).
 */
export function parseJunit(text: string, options: { readonly source: string; readonly maxDepth?: number }): ResultRun {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_SUITE_DEPTH;
  const tests: TestResult[] = [];
  // Per open suite: whether it pushed a name onto `prefix` (unnamed and too-deep suites do not).
  const suites: boolean[] = [];
  const prefix: string[] = [];
  let tooDeep = false;
  let current: Case | null = null;
  let depth = 0;
  const finish = (c: Case): void => {
    const status = c.status ?? c.hint;
    const detail = status === 'pass' ? undefined : capDetail(c.detail);
    tests.push(detail === undefined ? { id: c.id, status } : { id: c.id, status, detail });
  };
  const complete = readXmlEvents(text, (e) => {
    if (e.kind === 'open') {
      if (!e.empty) depth++;
      if (e.name === 'testsuite') {
        if (!e.empty) {
          const name = e.attrs.get('name')?.trim() ?? '';
          const named = name !== '' && suites.length < maxDepth;
          if (suites.length >= maxDepth) tooDeep = true;
          suites.push(named);
          if (named) prefix.push(name);
        }
      } else if (e.name === 'testcase') {
        const status = (e.attrs.get('status') ?? e.attrs.get('result') ?? '').toLowerCase();
        const c: Case = { id: caseId(prefix, e.attrs), status: null, hint: 'pass', detail: '', inOutcome: false };
        if (NOT_RUN.has(status)) c.hint = 'skip';
        if (e.empty) finish(c);
        else current = c;
      } else if (current !== null && e.name in CHILD_STATUS) {
        const s = CHILD_STATUS[e.name] as TestStatus;
        if (current.status === null || RANK[s] > RANK[current.status]) current.status = s;
        if (current.detail === '') current.detail = e.attrs.get('message') ?? e.attrs.get('type') ?? '';
        current.inOutcome = !e.empty;
      }
    } else if (e.kind === 'close') {
      depth--;
      if (e.name === 'testsuite') {
        if (suites.pop()) prefix.pop();
      } else if (e.name === 'testcase' && current !== null) {
        finish(current);
        current = null;
      } else if (e.name in CHILD_STATUS && current !== null) current.inOutcome = false;
    } else if (current?.inOutcome && current.detail === '') {
      current.detail = e.text.trim().split('\n')[0] ?? '';
    }
  });
  const problems: string[] =
    tests.length === 0 && !/<testsuites?[\s>]/.test(text) ? ['no <testsuite> element found'] : [];
  let endedEarly: string | null = null;
  if (!complete || depth > 0) endedEarly = 'XML ends before its closing tags (report truncated)';
  // A testcase cut off by the truncation has no known outcome: it is left out, not counted as a pass.
  if (current !== null) problems.push(`testcase ${(current as Case).id} is incomplete`);
  if (tooDeep)
    problems.push(`<testsuite> nested deeper than ${maxDepth} levels: deeper suite names are left out of test ids`);
  return { source: options.source, format: 'junit', tests, endedEarly, problems };
}

/**
 * `suite/classname/name`. Nested `<testsuite>`s contribute each name; a classname equal to the innermost
 * suite's name (a common habit) is not repeated.
 */
function caseId(suites: readonly string[], attrs: XmlAttributes): string {
  const classname = attrs.get('classname')?.trim() ?? '';
  const name = attrs.get('name')?.trim() || '(unnamed)';
  const inner = suites[suites.length - 1];
  const head = suites.length === 0 ? '' : `${suites.join('/')}/`;
  return classname !== '' && classname !== inner ? `${head}${classname}/${name}` : `${head}${name}`;
}
