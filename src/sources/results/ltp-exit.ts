/**
 * LTP's result flags, shared by runltp, ltp-pan and kirk. A test's exit value ORs them
 * (include/tst_res_flags.h): TFAIL 1, TBROK 2, TWARN 4, TINFO 16, TCONF 32. TINFO never changes the outcome.
 */
import type { TestStatus } from '../../domain/test-result.js';

const TFAIL = 1;
const TBROK = 2;
const TWARN = 4;
const TCONF = 32;

/** A test's outcome from its exit value; the worst flag wins (broken > failed > warned > skipped). */
export function statusFromLtpExit(code: number): TestStatus {
  if (code === 0) return 'pass';
  if (!Number.isInteger(code) || code < 0 || code > 255) return 'error';
  if (code & TBROK) return 'error';
  if (code & TFAIL) return 'fail';
  if (code & TWARN) return 'warn';
  if (code & TCONF) return 'skip';
  // 16 (TINFO) alone is informational; any other bit is not an LTP flag, so the harness saw something odd.
  return code === 16 ? 'pass' : 'fail';
}

/** The id every LTP format gives a test, so runltp, ltp-pan and kirk results of one test match. */
export function ltpTestId(name: string): string {
  return `ltp/${name.trim()}`;
}

/** Status from a result word: runltp's PASS/FAIL/CONF, kirk's pass/fail/brok/conf/warn, and their spellings. */
export function statusFromLtpWord(word: string): TestStatus | null {
  switch (word.toLowerCase()) {
    case 'pass':
    case 'passed':
    case 'tpass':
      return 'pass';
    case 'fail':
    case 'failed':
    case 'tfail':
      return 'fail';
    case 'brok':
    case 'broken':
    case 'tbrok':
    case 'error':
      return 'error';
    case 'conf':
    case 'tconf':
    case 'skip':
    case 'skipped':
      return 'skip';
    case 'warn':
    case 'warning':
    case 'twarn':
      return 'warn';
    default:
      return null;
  }
}
