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

/** Parses a JUnit XML report. Never throws. */
export function parseJunit(text: string, options: { source: string }): ResultRun {
  const tests: TestResult[] = [];
  const suites: string[] = [];
  // The id prefix of the current suite nesting, rebuilt only when a suite opens or closes.
  let prefix: string[] = [];
  const rebuild = (): void => {
    prefix = suites.filter((s) => s !== '');
  };
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
          suites.push(e.attrs.get('name')?.trim() ?? '');
          rebuild();
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
        suites.pop();
        rebuild();
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
