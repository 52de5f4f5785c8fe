/**
 * Runs parsed Makefile statements the way make reads a file: assignments (all flavors), conditionals, includes,
 * exports. Branches not taken still run, on a copy of the variables, only to record which objects they mention:
 * a file named under a false condition is evidence that it is not built; a file named nowhere is not evidence.
 */

import type { AssignOp, IfTest, MakeStatement, ParsedMakefile } from '../../domain/makefile-ast.js';
import { type ExpandEnv, expand, type MakeVar, splitWords } from './make-expand.js';
import { type Frame, type Mention, recordMentions } from './record-mentions.js';
import { normalizePath } from './tree-path.js';
import { VarScope } from './var-scope.js';

export type EvalState = {
  readonly env: ExpandEnv;
  /** The Kbuild directory being evaluated (`$(src)`); words are relative to it. */
  readonly dir: string;
  /** Object (`x.o`) and directory (`d/`) paths, tree-relative, -> where they were named. */
  readonly mentions: Map<string, Mention[]>;
  /** Why this directory's object lists may be incomplete (unevaluated constructs, missing includes). */
  readonly incomplete: string[];
  readonly exported: Set<string>;
  readonly files: (path: string) => ParsedMakefile | undefined;
  /** Include targets kbuild itself provides (scripts/Kbuild.include, auto.conf): skipped silently. */
  readonly ignoreInclude: (path: string) => boolean;
  /** Which variables' words count as mentions (all but flag variables in Kbuild files). */
  readonly mentionable: (name: string) => boolean;
};

// Variables that only carry flags or bookkeeping: an unevaluated `$(call cc-option)` in them changes no object list.
const FLAG_VAR_RE =
  /(flags|FLAGS|^KBUILD_|^CFLAGS|^AFLAGS|^LDFLAGS|^CPPFLAGS|^OBJECT_FILES_NON_STANDARD|_SANITIZE|^KCOV_|^GCOV_|^KMSAN|^KCSAN|^targets$|^clean-|^hostprogs|^always|^extra-|^quiet_cmd|^cmd_|^userprogs|^HOST|^CC_FLAGS|^RETPOLINE|^REALMODE|^CHECKFLAGS|^NOSTDINC|^LINUXINCLUDE|^USERINCLUDE|^CC_|^cc_|^ld_|^LD_|^AS_|^RUSTFLAGS|^rustflags|^TEXT_OFFSET|^CPP)/;

/** Runs `parsed` (named `file`) in `state`. `active` false runs it on behalf of a branch not taken. */
export function runMakefile(state: EvalState, parsed: ParsedMakefile, file: string, active = true): void {
  if (active && parsed.problems.length > 0) state.incomplete.push(`${file}: ${parsed.problems[0]}`);
  runStatements(state, parsed.statements, { file, conditions: [], active }, 0);
}

function runStatements(state: EvalState, statements: readonly MakeStatement[], frame: Frame, depth: number): void {
  for (const s of statements) runStatement(state, s, frame, depth);
}

function runStatement(state: EvalState, s: MakeStatement, frame: Frame, depth: number): void {
  const { env } = state;
  switch (s.kind) {
    case 'assign': {
      const before = env.uncertain.length;
      const name = expand(s.name, env).trim();
      assign(env, name, s.op, s.value);
      if (s.exported) state.exported.add(name);
      const uncertain = env.uncertain.length > before;
      env.uncertain.length = before;
      recordMentions(state, s, name, frame);
      if (uncertain && frame.active && !FLAG_VAR_RE.test(name)) {
        state.incomplete.push(`${frame.file}:${s.line}: ${s.name} uses a construct kgap does not evaluate`);
      }
      return;
    }
    case 'if': {
      const before = env.uncertain.length;
      const truth = testIf(s.test, env);
      const uncertain = env.uncertain.length > before;
      env.uncertain.length = before;
      const text = describeTest(s.test);
      const inThen = (taken: boolean | null): Frame => ({
        ...frame,
        conditions: [...frame.conditions, { text, taken }],
      });
      const inElse = (taken: boolean | null): Frame => ({
        ...frame,
        conditions: [...frame.conditions, { text: `else of ${text}`, taken }],
      });
      if (uncertain) {
        if (frame.active && assignsObjects(s)) {
          state.incomplete.push(`${frame.file}:${s.line}: conditional ${text} cannot be evaluated`);
        }
        runBranch(state, s.whenTrue, inThen(null), depth, false);
        runBranch(state, s.whenFalse, inElse(null), depth, false);
        return;
      }
      if (truth) {
        runBranch(state, s.whenFalse, inElse(false), depth, false);
        runStatements(state, s.whenTrue, inThen(true), depth);
      } else {
        runBranch(state, s.whenTrue, inThen(false), depth, false);
        runStatements(state, s.whenFalse, inElse(true), depth);
      }
      return;
    }
    case 'include':
      include(state, s, frame, depth);
      return;
    case 'export':
      for (const n of splitWords(expand(s.names, env))) state.exported.add(n);
      return;
    case 'expr': {
      const before = env.uncertain.length;
      expand(s.text, env);
      const uncertain = env.uncertain.length > before;
      env.uncertain.length = before;
      if (uncertain && frame.active && /\$\(eval\b/.test(s.text) && !evalSetsOnlyFlags(s.text)) {
        state.incomplete.push(`${frame.file}:${s.line}: $(eval ...) is not evaluated`);
      }
      return;
    }
  }
}

/** A branch not taken: run it on a copy of the variables so its mentions are recorded but nothing leaks. */
function runBranch(
  state: EvalState,
  statements: readonly MakeStatement[],
  frame: Frame,
  depth: number,
  active: boolean,
): void {
  if (statements.length === 0) return;
  const env: ExpandEnv = { vars: new VarScope(state.env.vars), glob: state.env.glob, uncertain: [], depth: 0 };
  const shadow: EvalState = { ...state, env, incomplete: [], exported: new Set() };
  runStatements(shadow, statements, { ...frame, active: frame.active && active }, depth);
}

function include(state: EvalState, s: MakeStatement & { kind: 'include' }, frame: Frame, depth: number): void {
  const before = state.env.uncertain.length;
  const paths = splitWords(expand(s.paths, state.env)).map(normalizePath);
  state.env.uncertain.length = before;
  for (const path of paths) {
    if (state.ignoreInclude(path)) continue;
    const parsed = state.files(path);
    if (parsed === undefined || depth > 20) {
      if (!s.optional && frame.active) state.incomplete.push(`${frame.file}:${s.line}: include ${path} not found`);
      continue;
    }
    if (frame.active && parsed.problems.length > 0) state.incomplete.push(`${path}: ${parsed.problems[0]}`);
    runStatements(state, parsed.statements, { ...frame, file: path }, depth + 1);
  }
}

/** Make's assignment semantics: `=` stores raw text, `:=` expands now, `+=` keeps the variable's flavor. */
export function assign(env: ExpandEnv, name: string, op: AssignOp, raw: string): void {
  const old = env.vars.get(name);
  let next: MakeVar;
  switch (op) {
    case ':=':
    case '::=':
      next = { flavor: 'simple', value: expand(raw, env) };
      break;
    case '+=':
      if (old === undefined) next = { flavor: 'recursive', value: raw };
      else if (old.flavor === 'simple') next = { flavor: 'simple', value: join(old.value, expand(raw, env)) };
      else next = { flavor: 'recursive', value: join(old.value, raw) };
      break;
    case '?=':
      if (old !== undefined) return;
      next = { flavor: 'recursive', value: raw };
      break;
    case '!=':
      env.uncertain.push('!= runs a shell command');
      next = { flavor: 'simple', value: '' };
      break;
    default:
      next = { flavor: 'recursive', value: raw };
  }
  env.vars.set(name, next);
}

function join(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a} ${b}`;
}

function testIf(test: IfTest, env: ExpandEnv): boolean {
  if (test.kind === 'ifeq' || test.kind === 'ifneq') {
    const equal = expand(test.left, env) === expand(test.right, env);
    return test.kind === 'ifeq' ? equal : !equal;
  }
  const v = env.vars.get(expand(test.name, env).trim());
  const defined = v !== undefined && v.value !== '';
  return test.kind === 'ifdef' ? defined : !defined;
}

export function describeTest(test: IfTest): string {
  return test.kind === 'ifeq' || test.kind === 'ifneq'
    ? `${test.kind} (${test.left},${test.right})`
    : `${test.kind} ${test.name}`;
}

/**
 * Whether a conditional's branches assign anything that could name objects. Flags-only blocks and plain settings
 * (`IS_OLD_GCC = 1` under `ifneq ($(call gcc-min-version, 70100),y)`) don't count.
 */
function assignsObjects(s: MakeStatement & { kind: 'if' }): boolean {
  const any = (list: readonly MakeStatement[]): boolean =>
    list.some(
      (x) =>
        (x.kind === 'assign' &&
          !FLAG_VAR_RE.test(x.name) &&
          /\.o\b|\/|\$|^(obj|lib|subdir)-/.test(`${x.name} ${x.value}`)) ||
        x.kind === 'include' ||
        (x.kind === 'if' && assignsObjects(x)),
    );
  return any(s.whenTrue) || any(s.whenFalse);
}

/** `$(foreach f,$(list),$(eval CFLAGS_$(f) = ...))` only sets flags: it cannot change an object list. */
function evalSetsOnlyFlags(text: string): boolean {
  const body = /\$\(eval\s+([^=]*?)\s*[:+?]?=/.exec(text)?.[1];
  return body !== undefined && FLAG_VAR_RE.test(body.trim());
}

export { type Condition, type Mention, mentionPath } from './record-mentions.js';
