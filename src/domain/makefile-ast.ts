/**
 * The subset of GNU make that Kbuild files use, as a tree of statements. Rules and recipes are dropped at parse
 * time: relevance only needs variables, conditionals and includes. Text stays raw (unexpanded) until evaluation.
 */

export const ASSIGN_OPS = ['=', ':=', '::=', '+=', '?=', '!='] as const;
export type AssignOp = (typeof ASSIGN_OPS)[number];

export type IfTest =
  | { readonly kind: 'ifdef'; readonly name: string }
  | { readonly kind: 'ifndef'; readonly name: string }
  | { readonly kind: 'ifeq'; readonly left: string; readonly right: string }
  | { readonly kind: 'ifneq'; readonly left: string; readonly right: string };

export type MakeStatement =
  | {
      readonly kind: 'assign';
      readonly line: number;
      /** Raw left-hand side, e.g. `obj-$(CONFIG_FOO)`. */
      readonly name: string;
      readonly op: AssignOp;
      readonly value: string;
      readonly exported: boolean;
    }
  | {
      readonly kind: 'if';
      readonly line: number;
      readonly test: IfTest;
      readonly whenTrue: readonly MakeStatement[];
      readonly whenFalse: readonly MakeStatement[];
    }
  | { readonly kind: 'include'; readonly line: number; readonly paths: string; readonly optional: boolean }
  | { readonly kind: 'export'; readonly line: number; readonly names: string }
  /** A line that is only a function call, e.g. `$(error ...)` or `$(eval ...)`. */
  | { readonly kind: 'expr'; readonly line: number; readonly text: string };

/** One parsed Makefile/Kbuild file. `problems` lists lines the parser could not place (e.g. a stray `endif`). */
export type ParsedMakefile = {
  readonly statements: readonly MakeStatement[];
  readonly problems: readonly string[];
  /**
   * The words of rules, recipes and bare function calls that could name a path (`$(obj)/rm/realmode.bin`,
   * `$(build)=$(boot)` gives `$(boot)`), unexpanded: where kbuild may go beyond the object lists it evaluates.
   */
  readonly ruleWords: readonly string[];
  /** Files named after `-include` anywhere in the file (headers forced into compiles), unexpanded. */
  readonly forcedIncludes: readonly string[];
};
