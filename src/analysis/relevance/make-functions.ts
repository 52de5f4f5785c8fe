/** GNU make's text functions (GNU make manual, "Functions for Transforming Text"), as `expand` calls them. */
import { type ExpandEnv, expand, lookup, matchPattern, patsubstWord, splitWords } from './make-expand.js';
import { normalizePath } from './tree-path.js';

/** Function name -> number of comma-separated arguments (the last one keeps further commas). */
export const FUNCTION_ARITY = {
  subst: 3,
  patsubst: 3,
  strip: 1,
  findstring: 2,
  filter: 2,
  'filter-out': 2,
  sort: 1,
  word: 2,
  wordlist: 3,
  words: 1,
  firstword: 1,
  lastword: 1,
  dir: 1,
  notdir: 1,
  suffix: 1,
  basename: 1,
  addsuffix: 2,
  addprefix: 2,
  join: 2,
  wildcard: 1,
  realpath: 1,
  abspath: 1,
  if: 3,
  or: 1000,
  and: 1000,
  foreach: 3,
  call: 1000,
  origin: 1,
  flavor: 1,
  value: 1,
  error: 1,
  warning: 1,
  info: 1,
  shell: 1,
  eval: 1,
  file: 1000,
} as const;
export type MakeFunction = keyof typeof FUNCTION_ARITY;

const words = (text: string, env: ExpandEnv): string[] => splitWords(expand(text, env));

/** Applies `fn` to its raw (unexpanded) arguments; conditionals expand only the branch they take, like make. */
export function callFunction(fn: MakeFunction, raw: readonly string[], env: ExpandEnv): string {
  const arg = (i: number): string => expand(raw[i] ?? '', env);
  switch (fn) {
    case 'subst':
      return arg(2).split(arg(0)).join(arg(1));
    case 'patsubst': {
      const [p, r] = [arg(0).trim(), arg(1).trim()];
      return words(raw[2] ?? '', env)
        .map((w) => patsubstWord(p, r, w))
        .join(' ');
    }
    case 'strip':
      return words(raw[0] ?? '', env).join(' ');
    case 'findstring':
      return arg(1).includes(arg(0)) ? arg(0) : '';
    case 'filter':
    case 'filter-out': {
      const pats = words(raw[0] ?? '', env);
      const keep = fn === 'filter';
      return words(raw[1] ?? '', env)
        .filter((w) => pats.some((p) => matchPattern(p, w) !== null) === keep)
        .join(' ');
    }
    case 'sort':
      return [...new Set(words(raw[0] ?? '', env))].sort().join(' ');
    case 'word':
      return words(raw[1] ?? '', env)[Number(arg(0).trim()) - 1] ?? '';
    case 'wordlist':
      return words(raw[2] ?? '', env)
        .slice(Number(arg(0).trim()) - 1, Number(arg(1).trim()))
        .join(' ');
    case 'words':
      return String(words(raw[0] ?? '', env).length);
    case 'firstword':
      return words(raw[0] ?? '', env)[0] ?? '';
    case 'lastword':
      return words(raw[0] ?? '', env).at(-1) ?? '';
    case 'dir':
      return mapWords(raw[0], env, (w) => (w.includes('/') ? w.slice(0, w.lastIndexOf('/') + 1) : './'));
    case 'notdir':
      return mapWords(raw[0], env, (w) => w.slice(w.lastIndexOf('/') + 1));
    case 'suffix':
      return mapWords(raw[0], env, (w) => /(\.[^./]*)$/.exec(w)?.[1] ?? '');
    case 'basename':
      return mapWords(raw[0], env, (w) => w.replace(/\.[^./]*$/, ''));
    case 'addsuffix':
      return mapWords(raw[1], env, (w) => w + arg(0));
    case 'addprefix':
      return mapWords(raw[1], env, (w) => arg(0) + w);
    case 'join': {
      const a = words(raw[0] ?? '', env);
      const b = words(raw[1] ?? '', env);
      return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? '') + (b[i] ?? '')).join(' ');
    }
    case 'wildcard':
      return words(raw[0] ?? '', env)
        .flatMap((p) => env.glob(p))
        .join(' ');
    case 'realpath':
    case 'abspath':
      return mapWords(raw[0], env, normalizePath);
    case 'if':
      return expand(raw[0] ?? '', env).trim() !== '' ? arg(1) : arg(2);
    case 'or':
      for (const r of raw) {
        const v = expand(r, env);
        if (v.trim() !== '') return v;
      }
      return '';
    case 'and': {
      let v = '';
      for (const r of raw) {
        v = expand(r, env);
        if (v.trim() === '') return '';
      }
      return v;
    }
    case 'foreach':
      return foreach(raw, env);
    case 'call':
      return call(raw, env);
    case 'origin':
      return env.vars.has(arg(0).trim()) ? 'file' : 'undefined';
    case 'flavor': {
      const v = env.vars.get(arg(0).trim());
      return v === undefined ? 'undefined' : v.flavor;
    }
    case 'value':
      return env.vars.get(arg(0).trim())?.value ?? '';
    case 'error':
    case 'warning':
    case 'info':
      return '';
    case 'shell':
    case 'eval':
    case 'file':
      env.uncertain.push(`$(${fn} ...) is not evaluated`);
      return '';
  }
}

function mapWords(raw: string | undefined, env: ExpandEnv, f: (w: string) => string): string {
  return words(raw ?? '', env)
    .map(f)
    .join(' ');
}

function withVars<T>(env: ExpandEnv, bindings: ReadonlyMap<string, string>, body: () => T): T {
  const saved = new Map([...bindings.keys()].map((k) => [k, env.vars.get(k)]));
  for (const [k, v] of bindings) env.vars.set(k, { flavor: 'simple', value: v });
  try {
    return body();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) env.vars.delete(k);
      else env.vars.set(k, v);
    }
  }
}

function foreach(raw: readonly string[], env: ExpandEnv): string {
  const name = expand(raw[0] ?? '', env).trim();
  return words(raw[1] ?? '', env)
    .map((w) => withVars(env, new Map([[name, w]]), () => expand(raw[2] ?? '', env)))
    .join(' ');
}

/** `$(call f,a,b)`: $(1), $(2)... bound while `f` expands. An undefined `f` (a Kbuild.include helper) is uncertain. */
function call(raw: readonly string[], env: ExpandEnv): string {
  const name = expand(raw[0] ?? '', env).trim();
  const fn = env.vars.get(name);
  if (fn === undefined) {
    env.uncertain.push(`$(call ${name}) is not evaluated`);
    return '';
  }
  const bindings = new Map<string, string>([['0', name]]);
  raw.slice(1).forEach((r, i) => {
    bindings.set(String(i + 1), expand(r, env));
  });
  return withVars(env, bindings, () => lookup(name, env));
}
