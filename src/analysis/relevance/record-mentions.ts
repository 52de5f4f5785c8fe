/** Where Kbuild files name objects and directories: the evidence behind "not built" and the "why" of each verdict. */

import type { MakeStatement } from '../../domain/makefile-ast.js';
import type { EvalState } from './eval-makefile.js';
import { expand, splitWords } from './make-expand.js';
import { joinPath } from './tree-path.js';

/** Where an object or directory was named, and what gates it (for "why" messages). */
export type Mention = {
  readonly file: string;
  readonly line: number;
  /** The Kbuild directory whose evaluation named it (composite names are relative to it). */
  readonly dir: string;
  /** The raw left-hand side, e.g. `obj-$(CONFIG_FOO)`. */
  readonly lhs: string;
  /** The left-hand side as evaluated, e.g. `obj-` when CONFIG_FOO is not set. */
  readonly name: string;
  /** The enclosing conditionals, outermost first; `taken` is null when kgap could not evaluate the test. */
  readonly conditions: readonly Condition[];
  /** False when a false conditional encloses the assignment. */
  readonly active: boolean;
  /** True when the left-hand side depends on a variable (`obj-$(CONFIG_X)`), not a literal clean list (`subdir-`). */
  readonly gated: boolean;
};

/** One enclosing conditional: its test as written (`else of ...` for the else branch) and whether it was taken. */
export type Condition = { readonly text: string; readonly taken: boolean | null };

/** Where the statement being run sits: its file, enclosing conditionals, and whether a taken branch runs it. */
export type Frame = { readonly file: string; readonly conditions: readonly Condition[]; readonly active: boolean };

// Flag variables name objects only as keys (`CFLAGS_foo.o`), never as things to build: not worth recording.
const MENTION_SKIP_RE =
  /(flags|FLAGS|^KBUILD_|^OBJECT_FILES_NON_STANDARD|_SANITIZE|^KCOV_|^GCOV_|^clean-|^quiet_cmd|^cmd_)/;

/** Records the `.o` and `dir/` words an assignment names, as tree paths relative to the Kbuild directory. */
export function recordMentions(
  state: EvalState,
  s: MakeStatement & { kind: 'assign' },
  name: string,
  frame: Frame,
): void {
  if (MENTION_SKIP_RE.test(name) || !state.mentionable(name)) return;
  if (!s.value.includes('.o') && !s.value.includes('/') && !s.value.includes('$') && !name.startsWith('subdir-'))
    return;
  const before = state.env.uncertain.length;
  const words = splitWords(expand(s.value, state.env));
  state.env.uncertain.length = before;
  const gated = /\$[({]/.test(s.name) || frame.conditions.length > 0;
  const mention: Mention = {
    file: frame.file,
    line: s.line,
    dir: state.dir,
    lhs: s.name,
    name,
    conditions: frame.conditions,
    active: frame.active,
    gated,
  };
  for (const w of words) {
    const word = name.startsWith('subdir-') && !w.endsWith('/') ? `${w}/` : w;
    const path = mentionPath(state.dir, word);
    if (path === null) continue;
    const list = state.mentions.get(path);
    if (list === undefined) state.mentions.set(path, [mention]);
    else list.push(mention);
  }
}

/** `x.o` -> object path; `d/`, `d/built-in.a`, `d/lib.a` -> `dir/` path; anything else -> null. */
export function mentionPath(dir: string, word: string): string | null {
  if (word.endsWith('.o')) return joinPath(dir, word);
  const d = /^(.*?)\/(?:built-in\.a|lib\.a)?$/.exec(word)?.[1];
  if (d === undefined) return null;
  const path = joinPath(dir, d);
  return path === '' ? null : `${path}/`;
}
