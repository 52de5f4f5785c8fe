/** Turns the parsed `.cmd` files of a build into a `BuildRecord`: paths made tree-relative, objects per file. */
import type { BuildRecord, RecordedObject } from '../../domain/build-record.js';
import type { KbuildCmd } from './parse-kbuild-cmd.js';

export type BuildFiles = {
  readonly source: string;
  readonly cmds: readonly KbuildCmd[];
  /** Lines of modules.order, or null when absent. */
  readonly modulesOrder: readonly string[] | null;
  readonly modulesBuiltin: readonly string[];
  readonly config: string | null;
  readonly linkedVmlinux: boolean;
  readonly problems: readonly string[];
};

const moduleName = (line: string): string => line.trim().replace(/^.*\//, '').replace(/\.ko$/, '');

/**
 * The source tree's prefix as the compiler saw it: `` in a tree build, `/usr/src/linux/` or `../` for `O=`. A target
 * `net/core/dev.o` whose source is `P/net/core/dev.c` gives `P`; the most common one wins.
 */
export function sourcePrefix(cmds: readonly KbuildCmd[]): string {
  const counts = new Map<string, number>();
  for (const c of cmds) {
    const stem = c.target.replace(/\.o$/, '');
    const source = c.source.replace(/^\.\//, '');
    const at = source.lastIndexOf(stem);
    if (at < 0 || !/^\.[A-Za-z]+$/.test(source.slice(at + stem.length))) continue;
    const prefix = source.slice(0, at);
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best = '';
  let n = -1;
  for (const [p, k] of [...counts].sort()) if (k > n) [best, n] = [p, k];
  return best;
}

/** Assembles the record. Pure. */
export function assembleBuildRecord(files: BuildFiles): BuildRecord {
  const prefix = sourcePrefix(files.cmds);
  const tree = (p: string): string | null => {
    const clean = p.replace(/^\.\//, '');
    if (prefix !== '' && clean.startsWith(prefix)) return clean.slice(prefix.length);
    return clean.startsWith('/') || clean.startsWith('../') ? null : clean; // system headers, outside the tree
  };
  const builtin = new Set(files.modulesBuiltin.map(moduleName));
  const compiled = new Map<string, RecordedObject>();
  const included = new Map<string, RecordedObject>();
  const host = new Set<string>();
  for (const c of files.cmds) {
    const source = tree(c.source);
    if (source === null) continue;
    if (!c.kernel) {
      host.add(source);
      continue;
    }
    const object = c.target.replace(/^\.\//, '');
    const how: RecordedObject =
      c.module === null && c.modname !== null && builtin.has(c.modname)
        ? { object, module: null, builtinModule: c.modname }
        : { object, module: c.module };
    const old = compiled.get(source);
    if (old === undefined || (old.module !== null && how.module === null)) compiled.set(source, how);
    for (const d of c.deps) {
      const dep = tree(d);
      if (dep === null || dep === source) continue;
      const was = included.get(dep);
      if (was === undefined || (was.module !== null && how.module === null)) included.set(dep, how);
    }
  }
  for (const s of compiled.keys()) host.delete(s);
  return {
    source: files.source,
    compiled,
    included,
    host,
    modules: files.modulesOrder === null ? null : files.modulesOrder.filter((l) => l.trim() !== '').map(moduleName),
    builtinModules: [...builtin].sort(),
    config: files.config,
    linkedVmlinux: files.linkedVmlinux,
    problems: files.problems,
  };
}
