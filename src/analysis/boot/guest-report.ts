/**
 * Reads the guest's KTAP report back out of the console. The guest prints it between markers with the kernel's
 * console quieted, but the serial line still carries `\r\n` and may carry stray kernel lines, so each line is
 * matched on its own and anything else between the markers is kept as a problem, not trusted.
 */
import type { CheckResult } from '../../domain/boot-check.js';
import { MARKERS } from './init-script.js';

export type GuestReport = {
  readonly initStarted: boolean;
  readonly begun: boolean;
  readonly ended: boolean;
  /** Results by check id, as the guest reported them. */
  readonly results: ReadonlyMap<string, CheckResult>;
  readonly problems: readonly string[];
};

const RESULT_RE = /^(not ok|ok) (\d+) ([a-z0-9_]+)(?: # (.*))?$/;

/** Splits console text into lines without `\r` and ANSI escapes (SeaBIOS clears the screen with them). */
export function consoleLines(consoleText: string): string[] {
  return consoleText
    .replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[A-Za-z]/g, '')
    .split(/\r*\n/)
    .map((l) => l.replace(/\r/g, ''));
}

/** Extracts the guest's results from the console lines. */
export function parseGuestReport(lines: readonly string[]): GuestReport {
  const results = new Map<string, CheckResult>();
  const problems: string[] = [];
  let initStarted = false;
  let begun = false;
  let ended = false;
  for (const line of lines) {
    if (line.includes(MARKERS.initStarted)) initStarted = true;
    if (line.includes(MARKERS.ktapBegin)) {
      begun = true;
      continue;
    }
    if (!begun || ended) continue;
    if (line.includes(MARKERS.ktapEnd)) {
      ended = true;
      continue;
    }
    const m = RESULT_RE.exec(line.trim());
    if (m?.[1] !== undefined && m[3] !== undefined) {
      const detail = (m[4] ?? '').trim();
      const skip = /^SKIP\b/i.exec(detail);
      const status = m[1] === 'not ok' ? 'fail' : skip ? 'skip' : 'pass';
      const why = skip ? detail.slice(4).trim() : detail;
      results.set(m[3], why === '' ? { id: m[3], status } : { id: m[3], status, detail: why });
    } else if (!/^(KTAP version 1|1\.\.\d+)$/.test(line.trim()) && line.trim() !== '') {
      problems.push(`unexpected line in the guest report: ${line.trim().slice(0, 120)}`);
    }
  }
  return { initStarted, begun, ended, results, problems };
}
