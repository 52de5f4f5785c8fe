/**
 * What the `#include` graph says about a header (or a `.c` file no Kbuild file names, such as kernel/sched/rt.c,
 * which build_policy.c includes): built when a built source includes it, directly or through other headers; not
 * built only when every file that includes it, at the end of every chain, is a source that is not built.
 */
import type { Gate } from './collect-objects.js';
import type { IncludeGraph } from './include-graph.js';

export type IncludeEvidence =
  | { readonly kind: 'built'; readonly gate: Gate; readonly module: string | null; readonly via: readonly string[] }
  | { readonly kind: 'off'; readonly why: string }
  | { readonly kind: 'unknown'; readonly why: string }
  /** No file of the tree includes it by a name kgap can resolve. */
  | { readonly kind: 'none' };

/** How an including file ends a chain: it is built, not built (with why), unknown (with why), or passes it on. */
export type RootVerdict =
  | { readonly kind: 'built'; readonly gate: Gate; readonly module: string | null }
  | { readonly kind: 'off' | 'unknown'; readonly why: string }
  | { readonly kind: 'through' };

export type BuiltSource = { readonly path: string; readonly gate: Gate; readonly module: string | null };

/**
 * Evidence for files of `graph`, given the sources the build compiles and how any other including file ends a chain.
 * Pure; answers are memoized in the returned function.
 */
export function includeEvidence(
  graph: IncludeGraph,
  builtSources: readonly BuiltSource[],
  rootVerdict: (path: string) => RootVerdict,
): (path: string) => IncludeEvidence {
  // Forward from every built source, built-in ones first so that a header both use reads "built-in".
  const built = new Map<string, { gate: Gate; module: string | null; via: string[] }>();
  const ordered = [...builtSources].sort((a, b) => (a.gate === b.gate ? 0 : a.gate === 'y' ? -1 : 1));
  for (const s of ordered) {
    const queue: { file: string; via: string[] }[] = [{ file: s.path, via: [s.path] }];
    while (queue.length > 0) {
      const { file, via } = queue.shift() as { file: string; via: string[] };
      for (const next of graph.includes.get(file) ?? []) {
        if (built.has(next) || next === s.path) continue;
        built.set(next, { gate: s.gate, module: s.module, via });
        queue.push({ file: next, via: [...via, next] });
      }
    }
  }
  const settledOff = new Map<string, string>();
  return (path) => {
    const b = built.get(path);
    if (b !== undefined) return { kind: 'built', ...b };
    const off = settledOff.get(path);
    if (off !== undefined) return { kind: 'off', why: off };
    // Backward: every chain of includers must end in a source that is not built.
    const seen = new Set<string>([path]);
    const queue = [path];
    let example: string | null = null;
    let roots = 0;
    while (queue.length > 0) {
      const file = queue.shift() as string;
      const from = graph.includers.get(file) ?? [];
      if (from.length === 0 && file !== path && rootVerdict(file).kind === 'through') {
        return { kind: 'unknown', why: `${file}, which includes it, is itself included by no file kgap can see` };
      }
      for (const { file: by, weak } of from) {
        if (seen.has(by)) continue;
        seen.add(by);
        const known = settledOff.get(by);
        if (known !== undefined) {
          roots++;
          example ??= `${by}: ${known}`;
          continue;
        }
        const v = rootVerdict(by);
        if (v.kind === 'through') queue.push(by);
        else if (v.kind === 'off') {
          roots++;
          example ??= `${by}: ${v.why}`;
        } else if (v.kind === 'built') {
          const how = weak ? 'may include it through an include path kgap does not resolve' : 'includes it';
          return { kind: 'unknown', why: `${by} (built) ${how}` };
        } else return { kind: 'unknown', why: `included by ${by}, which kgap cannot place: ${v.why}` };
      }
    }
    if (roots === 0) return { kind: 'none' };
    const why = `every file that includes it is not built (${roots}; e.g. ${example})`;
    for (const f of seen) if (rootVerdict(f).kind === 'through') settledOff.set(f, why);
    return { kind: 'off', why };
  };
}
