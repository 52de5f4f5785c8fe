/**
 * Kernel console lines carry prefixes that are not part of the test output: printk timestamps
 * (`[   12.345678] `), caller ids (`[    T1] `, CONFIG_PRINTK_CALLER), raw `/dev/kmsg` levels (`<6>`) and syslog
 * headers (`Nov 28 12:00:00 host kernel: `). Parsers strip them per line, so KTAP printed by KUnit on the
 * console parses like a clean `.ktap` file, and indentation after the prefix still nests subtests.
 */

const LEVEL_RE = /^<\d{1,2}>/;
// One space after the bracket belongs to printk; further spaces are the test's own indentation.
const STAMP_RE = /^\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])? ?/;
const SYSLOG_RE = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ kernel: ?/;

/** Returns the line without its console prefixes (and without a trailing `\r`). */
export function stripConsolePrefix(raw: string): string {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const first = line.charCodeAt(0);
  if (first === 60 /* < */) line = line.replace(LEVEL_RE, '');
  else if (first >= 65 && first <= 90 /* A-Z */ && line.includes(' kernel:')) line = line.replace(SYSLOG_RE, '');
  if (line.charCodeAt(0) === 91 /* [ */) line = line.replace(STAMP_RE, '');
  return line;
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
