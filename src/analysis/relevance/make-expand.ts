/**
 * Expansion of GNU make text: variables (recursive and simple), substitution references and the text functions
 * Kbuild files use. Anything that needs the outside world (`$(shell)`, `$(eval)`, a Kbuild.include helper such as
 * `cc-option`) expands to nothing and is noted in `env.uncertain`, so callers never mistake it for evidence.
 */
import { callFunction, FUNCTION_ARITY } from './make-functions.js';
import type { VarScope } from './var-scope.js';

export type MakeVar = { readonly flavor: 'recursive' | 'simple'; readonly value: string };

export type ExpandEnv = {
  readonly vars: VarScope;
  /** Existing paths matching a wildcard pattern (relative to the source root). */
  readonly glob: (pattern: string) => readonly string[];
  /** Why the last expansions were not exact; callers clear and inspect it. */
  readonly uncertain: string[];
  depth: number;
};

const MAX_DEPTH = 200;

/** Expands make text in `env`. Pure apart from appending to `env.uncertain`. */
export function expand(text: string, env: ExpandEnv): string {
  if (!text.includes('$')) return text;
  if (env.depth > MAX_DEPTH) {
    env.uncertain.push('recursive variable reference');
    return '';
  }
  env.depth++;
  try {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c !== '$') {
        out += c;
        continue;
      }
      const n = text[i + 1];
      if (n === undefined) break;
      if (n === '$') {
        out += '$';
        i++;
        continue;
      }
      if (n === '(' || n === '{') {
        const close = matchingClose(text, i + 1);
        if (close < 0) {
          env.uncertain.push('unterminated variable reference');
          return out;
        }
        out += expandReference(text.slice(i + 2, close), n === '(' ? ')' : '}', env);
        i = close;
        continue;
      }
      out += lookup(n, env); // $X: one-character name ($@, $<, $1 ...)
      i++;
    }
    return out;
  } finally {
    env.depth--;
  }
}

/** Index of the bracket closing the one at `open`, counting only the same bracket kind, as make does. */
export function matchingClose(text: string, open: number): number {
  const o = text[open];
  const cl = o === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === o) depth++;
    else if (text[i] === cl && --depth === 0) return i;
  }
  return -1;
}

/** Splits `text` at commas outside brackets, into at most `max` parts (the last keeps its commas). */
export function splitArgs(text: string, max: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length && parts.length < max - 1; i++) {
    const c = text[i];
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function expandReference(inner: string, _close: string, env: ExpandEnv): string {
  const fn = /^([a-z-]+)[ \t]/.exec(inner)?.[1];
  if (fn !== undefined && fn in FUNCTION_ARITY) {
    const arity = FUNCTION_ARITY[fn as keyof typeof FUNCTION_ARITY];
    const args = splitArgs(inner.slice(fn.length).replace(/^[ \t]+/, ''), arity);
    return callFunction(fn as keyof typeof FUNCTION_ARITY, args, env);
  }
  const sub = substitutionRef(inner);
  if (sub !== null) {
    const words = splitWords(lookup(expand(sub.name, env), env));
    const from = expand(sub.from, env);
    const to = expand(sub.to, env);
    const [pf, pt] = from.includes('%') ? [from, to] : [`%${from}`, `%${to}`];
    return words.map((w) => patsubstWord(pf, pt, w)).join(' ');
  }
  return lookup(expand(inner, env), env);
}

function substitutionRef(inner: string): { name: string; from: string; to: string } | null {
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ':' && depth === 0) {
      const eq = inner.indexOf('=', i + 1);
      if (eq < 0) return null;
      return { name: inner.slice(0, i), from: inner.slice(i + 1, eq), to: inner.slice(eq + 1) };
    }
  }
  return null;
}

/** A variable's value; undefined variables are empty, as in make. */
export function lookup(name: string, env: ExpandEnv): string {
  const v = env.vars.get(name);
  if (v === undefined) return '';
  return v.flavor === 'simple' ? v.value : expand(v.value, env);
}

export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** One word through a `%` pattern: `patsubstWord('%.c', '%.o', 'a.c')` is `a.o`; no match leaves it unchanged. */
export function patsubstWord(pattern: string, replacement: string, word: string): string {
  const m = matchPattern(pattern, word);
  if (m === null) return word;
  return replacement.includes('%') ? replacement.replace('%', m) : replacement;
}

/** The stem a `%` pattern matches in `word`, or null; a pattern without `%` must equal the word. */
export function matchPattern(pattern: string, word: string): string | null {
  const p = pattern.indexOf('%');
  if (p < 0) return pattern === word ? '' : null;
  const pre = pattern.slice(0, p);
  const post = pattern.slice(p + 1);
  if (word.length < pre.length + post.length || !word.startsWith(pre) || !word.endsWith(post)) return null;
  return word.slice(pre.length, word.length - post.length);
}
