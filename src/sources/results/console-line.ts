/**
 * Kernel console lines carry prefixes that are not part of the test output: printk timestamps
 * (`[   12.345678] `), caller ids (`[    T1] `, CONFIG_PRINTK_CALLER), raw `/dev/kmsg` levels (`<6>`) and syslog
 * headers (`Nov 28 12:00:00 host kernel: `). Parsers strip them per line, so KTAP printed by KUnit on the
 * console parses like a clean `.ktap` file, and indentation after the prefix still nests subtests.
 */

// One space after the bracket belongs to printk; further spaces are the test's own indentation.
// Sticky: matched at a line's offset inside the whole text, without slicing the line first.
const LEVEL_RE = /<\d{1,2}>/y;
const SYSLOG_RE = /[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ kernel: ?/y;

/** Returns the line without its console prefixes (and without a trailing `\r`). */
export function stripConsolePrefix(raw: string): string {
  const end = raw.endsWith('\r') ? raw.length - 1 : raw.length;
  const from = consolePrefixEnd(raw, 0, end);
  return from === 0 && end === raw.length ? raw : raw.slice(from, end);
}

/** Where the text of the line `text[start..end)` begins once its console prefixes are skipped. */
export function consolePrefixEnd(text: string, start: number, end: number): number {
  let i = start;
  const first = text.charCodeAt(i);
  if (first === 60 /* < */) i = stickyEnd(LEVEL_RE, text, i);
  else if (first >= 65 && first <= 90 /* A-Z */) i = stickyEnd(SYSLOG_RE, text, i);
  if (text.charCodeAt(i) === 91 /* [ */) i = stampEnd(text, i);
  return Math.min(i, end);
}

function stickyEnd(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : at;
}

/**
 * End of a `[   12.345678] ` (and `[    T1] `) prefix at `at`, or `at` if there is none. Scanned by hand: this
 * runs on every line of a console log, and a regex replace allocates for each.
 */
function stampEnd(text: string, at: number): number {
  let i = bracket(text, at, true);
  if (i === at) return at;
  const caller = bracket(text, i, false);
  if (caller > i) i = caller;
  return text.charCodeAt(i) === 32 ? i + 1 : i;
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
 * Calls `visit` with the bounds of each line of `text` (`end` excludes `\n` and a `\r` before it), so a parser
 * can skip prefixes and slice once.
 */
export function forEachLineRange(
  text: string,
  visit: (start: number, end: number, index: number) => boolean | undefined,
): void {
  let start = 0;
  let index = 0;
  while (start < text.length || (start === 0 && index === 0)) {
    let end = text.indexOf('\n', start);
    const next = end === -1 ? text.length + 1 : end + 1;
    if (end === -1) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (visit(start, stop, index) === false) return;
    index++;
    start = next;
  }
}

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
