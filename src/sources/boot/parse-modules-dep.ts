/**
 * Parses `modules.dep` into module loads (written by depmod: `kernel/a/x.ko: kernel/b/dep1.ko kernel/c/dep2.ko`,
 * every dependency listed, transitively, in the order modprobe unloads them, so loading goes right to left).
 * Pure: the text in, `.ko` paths in load order out.
 */

export type ModuleLoad = { readonly name: string; readonly files: readonly string[] };

/** Module names treat `-` and `_` as the same character, as modprobe does. */
export function normalizeModuleName(name: string): string {
  return name.replace(/-/g, '_');
}

/** The module name a path stands for: `kernel/drivers/net/dummy.ko.xz` -> `dummy`. */
export function moduleNameOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return normalizeModuleName(base.replace(/\.ko(\.(xz|gz|zst))?$/, ''));
}

/** Parses modules.dep into module name -> [its path, ...its dependencies in modules.dep order]. */
export function parseModulesDep(text: string): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const path = line.slice(0, colon).trim();
    const deps = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    out.set(moduleNameOf(path), [path, ...deps]);
  }
  return out;
}

/** Load plans for the named modules; names modules.dep does not know go to `unknown`. */
export function planModuleLoads(
  dep: ReadonlyMap<string, readonly string[]>,
  names: readonly string[],
): { readonly loads: readonly ModuleLoad[]; readonly unknown: readonly string[] } {
  const loads: ModuleLoad[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const entry = dep.get(normalizeModuleName(name));
    if (entry === undefined || entry[0] === undefined) {
      unknown.push(name);
      continue;
    }
    const [self, ...deps] = entry;
    loads.push({ name: normalizeModuleName(name), files: [...deps.reverse(), self] });
  }
  return { loads, unknown };
}
