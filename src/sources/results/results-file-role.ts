/**
 * What a file in a results directory is, by name: a console/dmesg capture (scanned for crash signatures) or a
 * candidate results file (format detected from content). Console captures are named `console*`, `dmesg*`,
 * `serial*`, `kmsg*` or `*.dmesg` / `*.console`; `kgap boot` writes `console.log` beside `boot.ktap`.
 */

export type ResultsFileRole = 'console' | 'results' | 'skip';

const CONSOLE_RE = /^(?:console|dmesg|serial|kmsg)[^/]*$|\.(?:dmesg|console)$/i;

/** The role of a file from its path relative to the results directory. Hidden files are skipped. */
export function resultsFileRole(relativePath: string): ResultsFileRole {
  const parts = relativePath.split(/[\\/]/);
  if (parts.some((p) => p.startsWith('.'))) return 'skip';
  const name = parts[parts.length - 1] ?? '';
  return CONSOLE_RE.test(name) ? 'console' : 'results';
}

/** Files in no results format are still scanned for crashes when they look like logs. */
export function isGenericLog(relativePath: string): boolean {
  return /\.(?:log|txt|out)$/i.test(relativePath);
}
