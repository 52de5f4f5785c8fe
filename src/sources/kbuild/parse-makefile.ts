import type { AssignOp, IfTest, MakeStatement, ParsedMakefile } from '../../domain/makefile-ast.js';
import { splitLogicalLines } from './split-logical-lines.js';

type MutableIf = {
  kind: 'if';
  line: number;
  test: IfTest;
  whenTrue: MakeStatement[];
  whenFalse: MakeStatement[];
};
/** An open conditional; `chained` frames were opened by `else ifeq ...` and close with the same `endif`. */
type Frame = { node: MutableIf; inElse: boolean; chained: boolean };

const DIRECTIVE_RE =
  /^(ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude|export|unexport|override|private|undefine|vpath)(?=\s|$|\()/;

/**
 * Parses Makefile/Kbuild text into statements (GNU make syntax, the subset Kbuild uses). Pure and total: lines it
 * cannot place become `problems`, never exceptions. Rules and recipes are skipped, as make does for variables.
 */
export function parseMakefile(text: string): ParsedMakefile {
  const root: MakeStatement[] = [];
  const stack: Frame[] = [];
  const problems: string[] = [];
  let inRule = false;
  const ruleWords = new Set<string>();
  const forcedIncludes = new Set<string>();
  const target = (): MakeStatement[] => {
    const top = stack[stack.length - 1];
    if (top === undefined) return root;
    return top.inElse ? top.node.whenFalse : top.node.whenTrue;
  };
  const openIf = (test: IfTest, line: number, chained: boolean): void => {
    const node: MutableIf = { kind: 'if', line, test, whenTrue: [], whenFalse: [] };
    target().push(node);
    stack.push({ node, inElse: false, chained });
  };

  for (const logical of splitLogicalLines(text)) {
    const { line, recipe } = logical;
    const body = logical.text.trim();
    if (body === '') continue;
    for (const m of body.matchAll(/(?:^|\s)-include\s+(\S+)/g)) if (m[1] !== undefined) forcedIncludes.add(m[1]);
    if (recipe && inRule) {
      for (const w of pathWords(body)) ruleWords.add(w);
      continue;
    }
    const directive = DIRECTIVE_RE.exec(body)?.[1];
    const rest = directive === undefined ? '' : body.slice(directive.length).trim();
    if (directive !== undefined && !/^[+?!:]?=/.test(rest)) {
      if (directive === 'ifdef' || directive === 'ifndef' || directive === 'ifeq' || directive === 'ifneq') {
        const test = parseIfTest(directive, rest);
        if (test === null) problems.push(`line ${line}: cannot parse conditional: ${body.slice(0, 80)}`);
        openIf(test ?? { kind: 'ifdef', name: '' }, line, false);
        continue;
      }
      if (directive === 'else') {
        const top = stack[stack.length - 1];
        if (top === undefined || top.inElse) {
          problems.push(`line ${line}: unexpected else`);
          continue;
        }
        top.inElse = true;
        const inner = /^(ifeq|ifneq|ifdef|ifndef)(?=\s|\(|$)/.exec(rest)?.[1] as IfTest['kind'] | undefined;
        if (inner !== undefined) {
          const test = parseIfTest(inner, rest.slice(inner.length).trim());
          if (test === null) problems.push(`line ${line}: cannot parse conditional: ${body.slice(0, 80)}`);
          openIf(test ?? { kind: 'ifdef', name: '' }, line, true);
        }
        continue;
      }
      if (directive === 'endif') {
        if (stack.length === 0) problems.push(`line ${line}: unexpected endif`);
        while (stack.length > 0) {
          const popped = stack.pop();
          if (popped?.chained !== true) break;
        }
        continue;
      }
      inRule = false;
      if (directive === 'include' || directive === '-include' || directive === 'sinclude') {
        target().push({ kind: 'include', line, paths: rest, optional: directive !== 'include' });
        continue;
      }
      if (directive === 'export' || directive === 'override' || directive === 'private') {
        const assign = parseAssignment(rest, line, directive === 'export');
        if (assign !== null) target().push(assign);
        else if (directive === 'export' && rest !== '' && !hasRuleColon(rest)) {
          target().push({ kind: 'export', line, names: rest });
        }
        continue;
      }
      if (directive === 'undefine') {
        target().push({ kind: 'assign', line, name: rest, op: ':=', value: '', exported: false });
      }
      continue; // unexport, vpath: nothing relevance needs
    }
    if (logical.define !== undefined) {
      inRule = false;
      const { name, op } = logical.define;
      target().push({ kind: 'assign', line, name, op, value: logical.text, exported: false });
      continue;
    }
    const assign = parseAssignment(body, line, false);
    if (assign !== null) {
      inRule = false;
      target().push(assign);
      continue;
    }
    if (hasRuleColon(body)) {
      inRule = true;
      for (const w of pathWords(body)) ruleWords.add(w);
      continue;
    }
    inRule = false;
    if (body.startsWith('$(') || body.startsWith('${')) {
      for (const w of pathWords(body)) ruleWords.add(w);
      target().push({ kind: 'expr', line, text: body });
      continue;
    }
    problems.push(`line ${line}: not understood: ${body.slice(0, 80)}`);
  }
  if (stack.length > 0) problems.push(`missing endif for the conditional on line ${stack[0]?.node.line}`);
  return { statements: root, problems, ruleWords: [...ruleWords], forcedIncludes: [...forcedIncludes] };
}

/**
 * The words of a rule or recipe line that could name a path: plain variable references (`$(obj)`) stay inside
 * their word, every other bracket, blank and separator (rules, function calls, `$(build)=dir`) splits. Flags
 * (`-Wall`) are dropped, `-I` arguments kept.
 */
function pathWords(line: string): string[] {
  const refs: string[] = [];
  const masked = line.replace(/\$[({][A-Za-z0-9_.-]+[)}]/g, (r) => `\u0000${refs.push(r) - 1}\u0000`);
  const out: string[] = [];
  for (const piece of masked.split(/[\s=,;:|'"()<>{}]+/)) {
    const w = piece.replace(/\u0000(\d+)\u0000/g, (_, n: string) => refs[Number(n)] ?? '').replace(/^-I/, '');
    if (/[A-Za-z_]/.test(w) && !w.startsWith('-')) out.push(w);
  }
  return out;
}

/** Finds the first top-level (outside `$(...)`) `=`/`:` and returns the assignment it starts, if any. */
function parseAssignment(text: string, line: number, exported: boolean): MakeStatement | null {
  const at = scanOperator(text);
  if (at === null || at.kind !== 'assign') return null;
  const name = text.slice(0, at.start).trim();
  if (name === '' || /\s/.test(outsideReferences(name))) return null;
  return { kind: 'assign', line, name, op: at.op, value: text.slice(at.end).trim(), exported };
}

/** `text` with every `$(...)`/`${...}` removed (nesting-aware): what is left must be one word to be a name. */
function outsideReferences(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      depth++;
      i++;
    } else if (depth > 0 && (c === '(' || c === '{')) depth++;
    else if (depth > 0 && (c === ')' || c === '}')) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

function hasRuleColon(text: string): boolean {
  return scanOperator(text)?.kind === 'rule';
}

type Operator = { kind: 'assign'; op: AssignOp; start: number; end: number } | { kind: 'rule' };

function scanOperator(text: string): Operator | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$') {
      const n = text[i + 1];
      if (n === '(' || n === '{') depth++;
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '(' || c === '{') depth++;
      else if (c === ')' || c === '}') depth--;
      continue;
    }
    if (c === ':') {
      if (text.startsWith('::=', i)) return { kind: 'assign', op: '::=', start: i, end: i + 3 };
      if (text[i + 1] === '=') return { kind: 'assign', op: ':=', start: i, end: i + 2 };
      return { kind: 'rule' };
    }
    if (c === '=') {
      const p = text[i - 1];
      if (p === '+' || p === '?' || p === '!') return { kind: 'assign', op: `${p}=`, start: i - 1, end: i + 1 };
      return { kind: 'assign', op: '=', start: i, end: i + 1 };
    }
  }
  return null;
}

/** `ifeq (a,b)`, `ifeq "a" "b"`, `ifeq 'a' "b"`, `ifdef NAME`. */
function parseIfTest(kind: IfTest['kind'], rest: string): IfTest | null {
  if (kind === 'ifdef' || kind === 'ifndef') return rest === '' ? null : { kind, name: rest };
  if (rest.startsWith('(') && rest.endsWith(')')) {
    const inner = rest.slice(1, -1);
    const comma = topLevelComma(inner);
    if (comma < 0) return null;
    return { kind, left: inner.slice(0, comma).trim(), right: inner.slice(comma + 1).trim() };
  }
  const quoted = /^(["'])(.*?)\1\s+(["'])(.*?)\3$/.exec(rest);
  if (quoted?.[2] !== undefined && quoted[4] !== undefined) return { kind, left: quoted[2], right: quoted[4] };
  return null;
}

function topLevelComma(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ',' && depth === 0) return i;
  }
  return -1;
}
