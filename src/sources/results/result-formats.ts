/**
 * The results parsers, one per format, as a typed table: adding a format means adding a `ResultFormat` and an
 * entry here. Detection sniffs content, never the file name, because the same `.log` or `.txt` name is used
 * for runltp tables, ltp-pan output and console captures alike.
 */
import type { ResultFormat, ResultRun } from '../../domain/test-result.js';
import { parseJunit } from './parse-junit.js';
import { parseKirkJson } from './parse-kirk-json.js';
import { parseKtap } from './parse-ktap.js';
import { parseLtpOutput } from './parse-ltp-output.js';
import { parseLtpResults } from './parse-ltp-results.js';

export type ResultParser = {
  /** True when `text` looks like this format. Cheap: runs on every file of a results directory. */
  readonly detect: (text: string) => boolean;
  /** Never throws: unusable input yields problems or an empty run. */
  readonly parse: (text: string, options: { source: string; maxDepth?: number }) => ResultRun;
};

const HEAD = 64 * 1024;
const head = (text: string): string => (text.length > HEAD ? text.slice(0, HEAD) : text);
// A version line, possibly behind a console timestamp, indentation or kselftest's `# `.
const KTAP_VERSION_RE = /^(?:\[[^\]\n]*\] ?|<\d+>)*[ \t]*(?:# )*K?TAP version \d+[ \t]*\r?$/m;
const BARE_TAP_RE = /^1\.\.\d+[ \t]*\r?$[\s\S]*^(?:not )?ok\b/m;
// KUnit captured from the middle of a run (lkp-tests kunit fixtures): no version line, but a `# Subtest:` header,
// tab- or space-indented, behind a console timestamp, and a result after it.
const SUBTEST_RE =
  /^(?:\[[^\]\n]*\] ?|<\d+>)*[ \t]*# Subtest: \S.*$[\s\S]*^(?:\[[^\]\n]*\] ?|<\d+>)*[ \t]*(?:not )?ok \d/m;

export const resultParsers = {
  'kirk-json': {
    detect: (text) => /^\s*\{/.test(text) && head(text).includes('"results"'),
    parse: parseKirkJson,
  },
  junit: { detect: (text) => /<testsuites?[\s>/]/.test(head(text)), parse: parseJunit },
  'ltp-results': { detect: (text) => /^Testcase\s+Result\s+Exit Value/m.test(head(text)), parse: parseLtpResults },
  'ltp-output': { detect: (text) => head(text).includes('<<<test_start>>>'), parse: parseLtpOutput },
  // KUnit output can start deep into a boot log, so the whole text is searched (indexOf first: fast).
  ktap: {
    detect: (text) =>
      (text.includes('TAP version') && KTAP_VERSION_RE.test(text)) ||
      BARE_TAP_RE.test(head(text)) ||
      (text.includes('# Subtest: ') && SUBTEST_RE.test(text)),
    parse: parseKtap,
  },
} as const satisfies Record<ResultFormat, ResultParser>;

/** The order formats are tried in: the most distinctive markers first; KTAP, which tolerates noise, last. */
export const DETECTION_ORDER: readonly ResultFormat[] = ['kirk-json', 'junit', 'ltp-results', 'ltp-output', 'ktap'];

/** The format `text` is in, or null when none matches. */
export function detectResultFormat(text: string): ResultFormat | null {
  return DETECTION_ORDER.find((f) => resultParsers[f].detect(text)) ?? null;
}

/** Detects the format and parses; null when `text` is in no known results format. Never throws. */
export function parseResults(
  text: string,
  options: { source: string; format?: ResultFormat; maxDepth?: number },
): ResultRun | null {
  const format = options.format ?? detectResultFormat(text);
  const { source, maxDepth } = options;
  return format === null
    ? null
    : resultParsers[format].parse(text, maxDepth === undefined ? { source } : { source, maxDepth });
}
