/** The object and directory lists of one evaluated Kbuild file, the way scripts/Makefile.lib reads them. */
import type { EvalState } from './eval-makefile.js';
import { mentionPath } from './eval-makefile.js';
import { lookup, splitWords } from './make-expand.js';
import { joinPath } from './tree-path.js';

export type Gate = 'y' | 'm';

/** What one directory contributes: objects with their gate (and module name), and subdirectories to visit. */
export type DirResult = {
  readonly objects: { path: string; gate: Gate; module: string | null; composite: string | null }[];
  readonly children: { dir: string; gate: Gate }[];
};

/** Reads the object lists of an evaluated Kbuild file, following scripts/Makefile.lib (6.1). */
export function collectObjects(state: EvalState, dir: string): DirResult {
  const env = state.env;
  const before = env.uncertain.length;
  const words = (name: string): string[] => splitWords(lookup(name, env));
  const objY = words('obj-y');
  const inY = new Set(objY);
  const objM = words('obj-m').filter((w) => !inY.has(w));
  const libs = [...words('lib-y'), ...words('lib-m')].filter((w) => !inY.has(w));
  const result: DirResult = { objects: [], children: [] };
  const add = (list: readonly string[], gate: Gate, suffixes: readonly string[]): void => {
    for (const w of list) {
      const path = mentionPath(dir, w);
      if (path === null) continue;
      if (path.endsWith('/')) {
        result.children.push({ dir: path.slice(0, -1), gate });
        continue;
      }
      const stem = w.slice(0, -2);
      const module = stem.slice(stem.lastIndexOf('/') + 1);
      const parts = suffixes.flatMap((s) => words(`${stem}${s}`));
      if (parts.length === 0) {
        result.objects.push({ path, gate, module, composite: null });
        continue;
      }
      for (const part of parts) {
        const p = mentionPath(dir, part);
        if (p !== null && !p.endsWith('/')) result.objects.push({ path: p, gate, module, composite: path });
      }
    }
  };
  add(objY, 'y', ['-objs', '-y']);
  add(objM, 'm', ['-objs', '-y', '-m']);
  add(libs, 'y', ['-objs', '-y']);
  for (const [name, gate] of [
    ['subdir-y', 'y'],
    ['subdir-m', 'm'],
  ] as const) {
    for (const w of words(name)) result.children.push({ dir: joinPath(dir, w.replace(/\/$/, '')), gate });
  }
  if (env.uncertain.length > before) {
    state.incomplete.push(`${dir || '.'}: object lists use a construct kgap does not evaluate`);
  }
  env.uncertain.length = before;
  return result;
}
