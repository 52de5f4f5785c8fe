/**
 * Where a KTAP line sits in the nesting: indentation (KTAP: two spaces a level; KUnit before 5.18: four
 * spaces or a tab) and kselftest's `# ` prefixes (the runner prints each test's own TAP as diagnostics of its
 * parent). Only relative depth matters, so the parser compares `level`s and never divides by an indent unit.
 */
import { classifyKtapLine, type KtapLine } from './ktap-line.js';

/** Where the last positioned line sits; filled in place (one object per parse, not per line). */
export type LinePosition = {
  /** Comparable depth: `# ` prefixes weigh more than any indentation. */
  level: number;
  /** How many `# ` prefixes were nesting (not diagnostics). */
  hashes: number;
  /** Offset of the first non-blank character (set by `positionKtapRange`). */
  contentStart: number;
};

/** How much one kselftest `# ` prefix weighs in a `level`: more than any indentation. */
export const HASH_WEIGHT = 1_000_000;

function indentWidth(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

function widthOf(text: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += text.charCodeAt(i) === 9 ? 8 : 1;
  return w;
}

/**
 * Positions the line `text[from..end)` (console prefix already skipped) and classifies it, slicing it once:
 * the common case (no `#`) classifies the text after the indentation directly.
 */
export function positionKtapRange(
  text: string,
  from: number,
  end: number,
  allowedHashes: number,
  out: LinePosition,
): KtapLine | null {
  const start = Math.min(indentWidth(text, from), end);
  out.contentStart = start;
  if (text.charCodeAt(start) === 35 /* # */ && start < end) {
    return positionKtapLine(text.slice(from, end), allowedHashes, out);
  }
  out.level = widthOf(text, from, start);
  out.hashes = 0;
  return start < end ? classifyKtapLine(text.slice(start, end)) : null;
}

/**
 * Positions `text`. `allowedHashes` is the `# ` depth of the innermost open block: deeper `# ` lines are
 * structure only when they open a block with a version line (kselftest's `# TAP version 13`); otherwise a
 * `# ok 1` is just a diagnostic that happens to look like a result.
 */
export function positionKtapLine(text: string, allowedHashes: number, out: LinePosition): KtapLine | null {
  const start = indentWidth(text, 0);
  const outer = widthOf(text, 0, start);
  out.level = outer;
  out.hashes = 0;
  if (text.charCodeAt(start) !== 35 /* # */) return classifyKtapLine(start === 0 ? text : text.slice(start));
  // Collect the offsets after each `# ` prefix, then try the deepest permitted first.
  const offsets: number[] = [start];
  let at = start;
  while (text.charCodeAt(at) === 35 && text.charCodeAt(at + 1) === 32 && offsets.length <= allowedHashes + 1) {
    at = indentWidth(text, at + 1);
    offsets.push(at);
  }
  for (let k = offsets.length - 1; k >= 1; k--) {
    const from = offsets[k] ?? start;
    const line = classifyKtapLine(text.slice(from));
    if (line === null) continue;
    if (k > allowedHashes && line.kind !== 'version') continue;
    out.level = k * HASH_WEIGHT + outer + widthOf(text, (offsets[k - 1] ?? start) + 2, from);
    out.hashes = k;
    return line;
  }
  return classifyKtapLine(text.slice(start));
}
