/** What kgap knows about a kernel source tree's build files, independent of any `.config`. */
import type { ParsedMakefile } from './makefile-ast.js';

export type KbuildModel = {
  /** The source the model was read from, for messages. */
  readonly source: string;
  /** `VERSION.PATCHLEVEL.SUBLEVEL` from the top Makefile, when present. */
  readonly version: string | null;
  /** Every file path in the tree (tree-relative), or null when the tree could not be listed. */
  readonly files: ReadonlySet<string> | null;
  /** Every Makefile and Kbuild file of kernel code, parsed, by tree-relative path. */
  readonly makefiles: ReadonlyMap<string, ParsedMakefile>;
  /** Expected trouble met while reading (unreadable files, symlink loops, parse problems). */
  readonly problems: readonly string[];
};

/** Kernel version from the top Makefile's `VERSION = 6` / `PATCHLEVEL = 1` / `SUBLEVEL = 170` lines. */
export function topMakefileVersion(parsed: ParsedMakefile | undefined): string | null {
  if (parsed === undefined) return null;
  const get = (name: string): string | undefined => {
    for (const s of parsed.statements) {
      if (s.kind === 'assign' && s.name === name && /^\d+$/.test(s.value)) return s.value;
    }
    return undefined;
  };
  const [v, p, s] = [get('VERSION'), get('PATCHLEVEL'), get('SUBLEVEL')];
  return v !== undefined && p !== undefined ? `${v}.${p}.${s ?? '0'}` : null;
}
