/**
 * Kernel console lines carry prefixes that are not part of the test output: printk timestamps
 * (`[   12.345678] `), caller ids (`[    T1] `, CONFIG_PRINTK_CALLER), raw `/dev/kmsg` levels (`<6>`) and syslog
 * headers (`Nov 28 12:00:00 host kernel: `). Parsers strip them per line, so KTAP printed by KUnit on the
 * console parses like a clean `.ktap` file, and indentation after the prefix still nests subtests.
 */

// One space after the bracket belongs to printk; further spaces are the test's own indentation.
const LEVEL_RE = /^<\d{1,2}>/;
const SYSLOG_RE = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ kernel: ?/;

/** Returns the line without its console prefixes (and without a trailing `\r`). */
export function stripConsolePrefix(raw: string): string {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const first = line.charCodeAt(0);
  if (first === 60 /* < */) line = line.replace(LEVEL_RE, '');
  else if (first >= 65 && first <= 90 /* A-Z */ && line.includes(' kernel:')) line = line.replace(SYSLOG_RE, '');
  if (line.charCodeAt(0) === 91 /* [ */) line = line.slice(stampLength(line));
  return line;
}

/**
 * Length of a leading `[   12.345678] ` (and `[    T1] `) prefix, 0 if there is none. Scanned by hand: this runs
 * on every line of a console log, and a regex replace allocates for each.
 */
function stampLength(line: string): number {
  let i = bracket(line, 0, true);
  if (i === 0) return 0;
  const caller = bracket(line, i, false);
  if (caller > i) i = caller;
  return line.charCodeAt(i) === 32 ? i + 1 : i;
}

/** End of `[ 12.345]` (seconds) or `[ T123]` (caller id) starting at `from`, or `from` if there is none. */
function bracket(line: string, from: number, seconds: boolean): number {
  if (line.charCodeAt(from) !== 91 /* [ */) return from;
  let i = from + 1;
  while (line.charCodeAt(i) === 32) i++;
  if (!seconds) {
    const c = line.charCodeAt(i);
    if (c !== 84 /* T */ && c !== 67 /* C */) return from;
    i++;
  }
  const digits = i;
  while (isDigit(line.charCodeAt(i))) i++;
  if (i === digits) return from;
  if (seconds) {
    if (line.charCodeAt(i) !== 46 /* . */) return from;
    const fraction = ++i;
    while (isDigit(line.charCodeAt(i))) i++;
    if (i === fraction) return from;
  }
  return line.charCodeAt(i) === 93 /* ] */ ? i + 1 : from;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Calls `visit` for each line of `text` without building an array of lines: a million-line log then
 * costs one string, not a million more.
 */
export function forEachLine(text: string, visit: (line: string, index: number) => boolean | undefined): void {
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (!(start === text.length && end === start && index > 0)) {
      if (visit(text.slice(start, end), index) === false) return;
    }
    index++;
    start = end + 1;
  }
}
