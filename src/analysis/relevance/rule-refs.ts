/** The words of rules and recipes of the Kbuild files read for one directory, expanded in that directory's variables. */
import type { KbuildModel } from '../../domain/kbuild-model.js';
import { type ExpandEnv, expand, splitWords } from './make-expand.js';

/** A rule or recipe word of a read Kbuild file: as written, and as far as it expands. */
export type RuleRef = {
  /** The directory whose evaluation read the file (`$(obj)`, `$(src)` and relative words point there). */
  readonly dir: string;
  readonly raw: string;
  /** The word's expansion, or empty when it needs what kgap cannot evaluate. */
  readonly expanded: readonly string[];
};

/**
 * Rule words and forced includes (`-include x.h`) of `files`, expanded with `env` as make would expand a recipe:
 * with the variables' final values.
 */
export function collectRuleRefs(
  model: KbuildModel,
  files: readonly string[],
  env: ExpandEnv,
  dir: string,
): { refs: RuleRef[]; forced: string[] } {
  const refs: RuleRef[] = [];
  const forced: string[] = [];
  const expandSure = (w: string): string[] => {
    const before = env.uncertain.length;
    const x = expand(w, env);
    const sure = env.uncertain.length === before;
    env.uncertain.length = before;
    return sure ? splitWords(x) : [];
  };
  for (const f of files) {
    const parsed = model.makefiles.get(f);
    if (parsed === undefined) continue;
    for (const raw of parsed.ruleWords) refs.push({ dir, raw, expanded: expandSure(raw) });
    for (const raw of parsed.forcedIncludes) forced.push(...expandSure(raw));
  }
  return { refs, forced };
}
