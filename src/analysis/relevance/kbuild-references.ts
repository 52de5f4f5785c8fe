/**
 * Where the Kbuild files read for a config may send kbuild beyond the object lists kgap evaluates: rule targets and
 * prerequisites (`$(obj)/rm/realmode.bin`), recipes (`$(build)=$(boot)`, with boot := arch/x86/boot). A directory
 * below a reached one that no list names and no such word can name is never entered: kbuild only goes where a
 * Makefile it reads sends it (scripts/Makefile.build), so the files under it are not built.
 */
import type { KbuildEvaluation } from './evaluate-kbuild.js';
import { dirOf, joinPath } from './tree-path.js';

export type KbuildReferences = {
  /**
   * True when a rule word may name `dir` or a path below it; `from` is the reached directory above it, so a word's
   * fragment (`$(X)/display/`) is matched only against the path between the two.
   */
  readonly mayName: (dir: string, from: string) => boolean;
  /** Headers the read Kbuild files force into compiles with `-include` (tree paths). */
  readonly forcedIncludes: ReadonlySet<string>;
};

const memo = new WeakMap<KbuildEvaluation, KbuildReferences>();

/** The references of the Kbuild files `ev` read, computed once per evaluation. Pure (memoized). */
export function kbuildReferences(ev: KbuildEvaluation): KbuildReferences {
  const hit = memo.get(ev);
  if (hit !== undefined) return hit;
  const named = new Set<string>(); // directories kbuild is told about: entries, and where named objects live
  const inUse = new Set<string>(); // paths a rule word names, with every ancestor
  const anyBelow = new Set<string>(); // `$(obj)/$(X)` that kgap cannot expand: any path below the directory
  const fragments = new Set<string>(); // `$(X)/display/dc` that kgap cannot expand: `/display/dc/` anywhere
  const addNamed = (dir: string, word: string): void => {
    const literal = word
      .replace(/^\$[({](srctree|objtree)[)}]\/?/, '')
      .replace(/%.*$/, '')
      .replace(/\/+$/, '');
    if (literal === '' || literal === '.' || literal.includes('$')) return;
    for (const path of new Set([joinPath(dir, literal), joinPath('', literal)])) {
      for (let p = path; p !== '' && !inUse.has(p); p = dirOf(p)) inUse.add(p);
    }
  };
  // Objects named anywhere (on or off) put their directory in use: `gt/intel_gt.o` in i915/Makefile compiles files of
  // i915/gt/, which kbuild never enters. A directory entry names only itself: `amd/amdgpu/` says nothing of amd/display/.
  for (const key of [...ev.mentions.keys(), ...ev.objects.keys()]) {
    if (key.endsWith('/')) named.add(key.slice(0, -1));
    else for (let p = dirOf(key); p !== '' && !named.has(p); p = dirOf(p)) named.add(p);
  }
  for (const { dir, raw, expanded } of ev.ruleRefs) {
    for (const w of expanded) addNamed(dir, w);
    const w = raw.replace(/^\$[({](src|obj)[)}]/, dir === '' ? '.' : dir);
    const ref = w.search(/\$[({]/);
    if (ref < 0) {
      addNamed(dir, w);
      continue;
    }
    if (expanded.length > 0) continue;
    // Not expandable: the literal text after the last reference may name a path anywhere; with nothing after it,
    // any path below the literal prefix before the first one (`$(obj)/$(shell ...)` -> anything below $(obj)).
    const tail = /[)}]([^$)}]*)$/.exec(w)?.[1] ?? '';
    const segments = tail.split('/').filter((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('%'));
    if (segments.length > 0) fragments.add(`/${segments.join('/')}/`);
    else if (ref > 0) {
      const prefix = w.slice(0, ref).replace(/\/+$/, '');
      if (prefix !== '' && prefix !== '.') anyBelow.add(joinPath('', prefix));
    }
  }
  const mayName = (d: string, from: string): boolean => {
    if (named.has(d) || inUse.has(d)) return true;
    for (let p = d; p !== ''; p = dirOf(p)) if (anyBelow.has(p)) return true;
    const slashed = `/${from === '' ? d : d.slice(from.length + 1)}/`;
    for (const f of fragments) if (slashed.includes(f)) return true;
    return false;
  };
  const forcedIncludes = new Set<string>();
  for (const f of ev.forcedIncludes) forcedIncludes.add(joinPath('', f.replace(/^\$[({]srctree[)}]\/?/, '')));
  const refs = { mayName, forcedIncludes };
  memo.set(ev, refs);
  return refs;
}
