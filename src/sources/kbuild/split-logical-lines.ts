import type { AssignOp } from '../../domain/makefile-ast.js';

/** One logical Makefile line: continuations joined, comment removed; or a whole `define` body. */
export type LogicalLine = {
  /** 1-based number of the first physical line. */
  readonly line: number;
  readonly text: string;
  /** Starts with a tab: a recipe line when it follows a rule. */
  readonly recipe: boolean;
  /** Set for a `define NAME [op] ... endef` block; `text` is then the raw body. */
  readonly define?: { readonly name: string; readonly op: AssignOp };
};

const DEFINE_RE = /^\s*(?:(?:export|override)\s+)*define\s+(\S+)\s*(=|:=|::=|\+=|\?=)?\s*$/;

function endsWithContinuation(line: string): boolean {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** Drops a `#` comment; `\#` is a literal hash (GNU make, "Splitting Long Lines" and "Comments"). */
function stripComment(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '#') return text.slice(0, i);
  }
  return text;
}

/**
 * Splits Makefile text into logical lines. A backslash-newline and the whitespace around it become one space, as in
 * GNU make; a comment that ends in a backslash continues on the next line, also as in make.
 */
export function* splitLogicalLines(text: string): Generator<LogicalLine> {
  const physical = text.split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const start = i;
    const first = physical[i] ?? '';
    const define = DEFINE_RE.exec(first);
    if (define?.[1] !== undefined) {
      const body: string[] = [];
      let depth = 1;
      while (++i < physical.length) {
        const l = physical[i] ?? '';
        if (DEFINE_RE.test(l)) depth++;
        else if (/^\s*endef\b/.test(l) && --depth === 0) break;
        body.push(l);
      }
      const op = (define[2] ?? '=') as AssignOp;
      yield { line: start + 1, text: body.join('\n'), recipe: false, define: { name: define[1], op } };
      continue;
    }
    let joined = first;
    while (endsWithContinuation(joined) && i + 1 < physical.length) {
      joined = `${joined.slice(0, -1).trimEnd()} ${(physical[++i] ?? '').trimStart()}`;
    }
    if (endsWithContinuation(joined)) joined = joined.slice(0, -1);
    yield { line: start + 1, text: stripComment(joined), recipe: first.startsWith('\t') };
  }
}
