/**
 * runltp's results file (`runltp -l FILE`, written by ltp-pan): a table of `Testcase  Result  Exit Value`
 * rows, then a footer (`Total Tests: N`). The footer is written last, so a file without it is a run that
 * ended early. The exit value is authoritative when present (it tells TBROK from TFAIL); the word otherwise.
 */
import type { ResultRun, TestResult } from '../../domain/test-result.js';
import { forEachLine } from './console-line.js';
import { ltpTestId, statusFromLtpExit, statusFromLtpWord } from './ltp-exit.js';

const HEADER_RE = /^Testcase\s+Result\s+Exit Value\s*$/;
const ROW_RE = /^(\S+)\s+(PASS|FAIL|CONF|BROK|WARN|SKIP)\s*(-?\d+)?\s*$/;
const FOOTER_RE = /^Total Tests:\s*\d+/;

// One detail string per distinct exit value, not one per failing row.
const exitDetails = new Map<string, string>();
function exitDetail(value: string): string {
  let d = exitDetails.get(value);
  if (d === undefined) {
    d = `exit value ${value}`;
    if (exitDetails.size < 512) exitDetails.set(value, d);
  }
  return d;
}

/** Parses a runltp results file. Never throws. */
export function parseLtpResults(text: string, options: { source: string }): ResultRun {
  const tests: TestResult[] = [];
  const problems: string[] = [];
  let inTable = false;
  let footer = false;
  forEachLine(text, (raw, index) => {
    const line = raw.trimEnd();
    if (!inTable) {
      inTable = HEADER_RE.test(line);
      return true;
    }
    const first = line.charCodeAt(0);
    if (first === 84 /* T */ && FOOTER_RE.test(line)) {
      footer = true;
      return false;
    }
    if (line === '' || (first === 45 /* - */ && /^-+(\s+-+)*$/.test(line))) return true;
    const m = ROW_RE.exec(line);
    if (m?.[1] === undefined || m[2] === undefined) {
      if (problems.length < 20) problems.push(`line ${index + 1}: not a result row: ${line.slice(0, 80)}`);
      return true;
    }
    const word = statusFromLtpWord(m[2]) ?? 'fail';
    const status = m[3] === undefined ? word : statusFromLtpExit(Number(m[3]));
    const detail = m[3] === undefined || m[3] === '0' ? undefined : exitDetail(m[3]);
    tests.push(detail === undefined ? { id: ltpTestId(m[1]), status } : { id: ltpTestId(m[1]), status, detail });
    return true;
  });
  if (!inTable) problems.push('no "Testcase Result Exit Value" header found');
  const endedEarly = inTable && !footer ? 'results file has no "Total Tests:" footer (runltp did not finish)' : null;
  return { source: options.source, format: 'ltp-results', tests, endedEarly, problems };
}
