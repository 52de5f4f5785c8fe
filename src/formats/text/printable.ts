/**
 * Text from records, trees and lab files reaches terminals: an ESC sequence in a CVE title can rewrite a terminal's
 * title and colours, a newline can forge a table row, a bidi override can reorder what a reader sees. These helpers
 * show such characters as escapes (`\x1b`, `\n`, `\u202e`) instead of sending them. Every text renderer's cells go
 * through `printableCell` (text-table.ts, markdown.ts); everything written to stdout goes through `printableOutput`.
 */

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates.
const UNSAFE_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same, less newline and tab: what a multi-line report may contain.
const UNSAFE_IN_OUTPUT_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// Not global (no lastIndex state): to look for one before paying for a replace over a megabyte of report.
const HAS_UNSAFE_IN_OUTPUT_RE = new RegExp(UNSAFE_IN_OUTPUT_RE.source);

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 controls as `\x1b`; DEL, C1 controls and the rest as `\u009b`. The latter are the only ones a JSON document
// still holds raw after JSON.stringify (which escapes C0 itself), and `\u` is the one escape valid both in JSON
// (the same character once parsed: the data is kept, only the terminal is spared) and to a reader.
function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of text: every control character (newlines too) shown as an escape. For messages that echo input. */
export function printableLine(text: string): string {
  return text.replace(UNSAFE_RE, escapeChar);
}

/** A table cell: line breaks and tabs become spaces (one line per row), other controls are shown as escapes. */
export function printableCell(text: string): string {
  return text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ').replace(UNSAFE_RE, escapeChar);
}

/** A whole report: newlines and tabs stay, every other control character is shown as an escape. */
export function printableOutput(text: string): string {
  return HAS_UNSAFE_IN_OUTPUT_RE.test(text) ? text.replace(UNSAFE_IN_OUTPUT_RE, escapeChar) : text;
}
