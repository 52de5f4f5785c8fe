/**
 * The `#include` graph of a full source tree, resolved the way the kernel's compile resolves it (scripts/Makefile.lib
 * `c_flags`, top Makefile `LINUXINCLUDE`): `"x.h"` from the including file's directory first, then `<x.h>` through
 * `arch/$(SRCARCH)/include`, `include`, `arch/$(SRCARCH)/include/uapi`, `include/uapi`; an `asm/x.h` the
 * architecture lacks is the generated wrapper of `asm-generic/x.h` (`generic-y`, `mandatory-y`). Files under
 * `arch/<other>/` are compiled only for that architecture, so their `<asm/...>` resolve in its tree.
 *
 * An include that resolves nowhere (a `-I` path from a Makefile, a generated header) gets weak edges to every file
 * whose path ends the same way: weak edges never make a header built, but they keep it from being called not built.
 */
import type { KbuildModel } from '../../domain/kbuild-model.js';
import { dirOf, joinPath, normalizePath } from './tree-path.js';

export type IncludeGraph = {
  /** File -> files it includes, resolved exactly. */
  readonly includes: ReadonlyMap<string, readonly string[]>;
  /** File -> files that include it, exactly or weakly (`weak` true). */
  readonly includers: ReadonlyMap<string, readonly { readonly file: string; readonly weak: boolean }[]>;
};

const NOT_SCANNED_RE = /^(tools|Documentation)\//;

/**
 * Builds the graph from each file's raw directives (`"x.h"` or `<x.h>`, as `parseIncludeDirectives` reads them).
 * Pure; `srcarch` is the target's `arch/` directory name.
 */
export function buildIncludeGraph(
  directives: ReadonlyMap<string, readonly string[]>,
  files: ReadonlySet<string>,
  srcarch: string,
): IncludeGraph {
  const byBase = new Map<string, string[]>();
  for (const f of files) {
    if (NOT_SCANNED_RE.test(f)) continue;
    const base = f.slice(f.lastIndexOf('/') + 1);
    const list = byBase.get(base);
    if (list === undefined) byBase.set(base, [f]);
    else list.push(f);
  }
  const includes = new Map<string, string[]>();
  const includers = new Map<string, { file: string; weak: boolean }[]>();
  const edge = (from: string, to: string, weak: boolean): void => {
    if (to === from) return;
    if (!weak) {
      const out = includes.get(from);
      if (out === undefined) includes.set(from, [to]);
      else out.push(to);
    }
    const back = includers.get(to);
    if (back === undefined) includers.set(to, [{ file: from, weak }]);
    else back.push({ file: from, weak });
  };
  // <linux/x.h> resolves the same way for every file of an architecture: resolve each once.
  const angleMemo = new Map<string, string | null>();
  const weakMemo = new Map<string, readonly string[]>();
  const angle = (arch: string, target: string): string | null => {
    const key = `${arch}\0${target}`;
    let hit = angleMemo.get(key);
    if (hit === undefined) {
      const candidates = [
        ...[`arch/${arch}/include`, 'include', `arch/${arch}/include/uapi`, 'include/uapi'].map(
          (b) => `${b}/${target}`,
        ),
        ...(target.startsWith('asm/')
          ? [`include/asm-generic/${target.slice(4)}`, `include/uapi/asm-generic/${target.slice(4)}`]
          : []),
      ].map(normalizePath);
      hit = candidates.find((c) => files.has(c)) ?? null;
      angleMemo.set(key, hit);
    }
    return hit;
  };
  const weakly = (target: string): readonly string[] => {
    let hit = weakMemo.get(target);
    if (hit === undefined) {
      const tail = normalizePath(target).replace(/^(\.\.\/)+/, '');
      const base = tail.slice(tail.lastIndexOf('/') + 1);
      hit = (byBase.get(base) ?? []).filter((f) => f === tail || f.endsWith(`/${tail}`));
      weakMemo.set(target, hit);
    }
    return hit;
  };
  for (const [file, list] of directives) {
    const arch = /^arch\/([^/]+)\//.exec(file)?.[1] ?? srcarch;
    for (const d of list) {
      const target = d.slice(1, -1);
      const own = d.startsWith('"') ? joinPath(dirOf(file), target) : null;
      const hit = own !== null && files.has(own) ? own : angle(arch, target);
      if (hit !== null) edge(file, hit, false);
      else for (const f of weakly(target)) edge(file, f, true);
    }
  }
  return { includes, includers };
}

const memo = new WeakMap<KbuildModel, Map<string, IncludeGraph>>();

/** The graph of `model` for one architecture, built once; null when the tree has no sources to read. Pure (memo). */
export function includeGraphFor(model: KbuildModel, srcarch: string): IncludeGraph | null {
  if (model.includes === undefined || model.includes === null || model.files === null) return null;
  let byArch = memo.get(model);
  if (byArch === undefined) {
    byArch = new Map();
    memo.set(model, byArch);
  }
  let graph = byArch.get(srcarch);
  if (graph === undefined) {
    graph = buildIncludeGraph(model.includes, model.files, srcarch);
    byArch.set(srcarch, graph);
  }
  return graph;
}
