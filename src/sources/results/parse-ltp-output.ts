/**
 * ltp-pan's output log (`runltp -o FILE`, also what kirk's predecessors printed): one record per test,
 * `<<<test_start>>>` `tag=NAME` ... `<<<test_output>>>` ... `<<<execution_status>>>`
 * `termination_type=exited termination_id=N` ... `<<<test_end>>>`. A record that starts but never ends is the
 * test during which the machine died: the run ended early.
 */
import { capDetail, type ResultRun, type TestResult, type TestStatus } from '../../domain/test-result.js';
import { forEachLine } from './console-line.js';
import { ltpTestId, statusFromLtpExit } from './ltp-exit.js';

const TAG_RE = /^tag=(\S+)/;
const TERM_RE = /termination_type=(\w+)\s+termination_id=(-?\d+)/;
// New library: `file.c:12: TFAIL: msg`; old library: `name  1  TFAIL  :  file.c:12: msg`.
const VERDICT_RE = /\b(TFAIL|TBROK|TWARN)\s*:\s*(.*)$/;

type Open = { name: string | null; status: TestStatus | null; reason: string };

/** Parses ltp-pan output. Never throws. */
export function parseLtpOutput(text: string, options: { source: string }): ResultRun {
  const tests: TestResult[] = [];
  const problems: string[] = [];
  let open: Open | null = null;
  let endedEarly: string | null = null;
  forEachLine(text, (raw) => {
    const line = raw.trim();
    if (line === '<<<test_start>>>') {
      if (open !== null) endedEarly = `test ${open.name ?? '(untagged)'} has no <<<test_end>>>`;
      open = { name: null, status: null, reason: '' };
      return true;
    }
    if (open === null) return true;
    if (line === '<<<test_end>>>') {
      if (open.name === null) problems.push('a test record has no tag= line');
      else if (open.status === null) tests.push(record(open.name, 'error', 'no execution status'));
      else tests.push(record(open.name, open.status, open.status === 'pass' ? '' : open.reason));
      open = null;
      return true;
    }
    const tag = TAG_RE.exec(line);
    if (tag?.[1] !== undefined && open.name === null) open.name = tag[1];
    const term = TERM_RE.exec(line);
    if (term?.[1] !== undefined) {
      // A test killed by a signal (or by the harness's timeout) did not report its own verdict.
      open.status = term[1] === 'exited' ? statusFromLtpExit(Number(term[2])) : 'error';
      if (term[1] !== 'exited') open.reason = `${term[1]} ${term[2]}`;
    }
    const verdict = VERDICT_RE.exec(line);
    if (verdict !== null && open.reason === '') open.reason = `${verdict[1]}: ${verdict[2] ?? ''}`;
    return true;
  });
  if (open !== null) endedEarly = `test ${(open as Open).name ?? '(untagged)'} has no <<<test_end>>>`;
  return { source: options.source, format: 'ltp-output', tests, endedEarly, problems };
}

function record(name: string, status: TestStatus, reason: string): TestResult {
  const detail = capDetail(reason);
  return detail === undefined ? { id: ltpTestId(name), status } : { id: ltpTestId(name), status, detail };
}
