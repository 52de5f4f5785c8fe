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
  /**
   * The `#include` directives of every C, assembly and header file (`"x.h"` or `<linux/x.h>`, as written), when
   * the tree holds its sources; absent or null for a tree of Kbuild files only.
   */
  readonly includes?: ReadonlyMap<string, readonly string[]> | null;
  /** Expected trouble met while reading (unreadable files, symlink loops, parse problems). */
  readonly problems: readonly string[];
};
