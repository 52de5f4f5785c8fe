/**
 * Kbuild's own record of a finished kernel build: the `.*.cmd` files it writes beside every target (`source_`
 * names the compiled file, `deps_` every header it included, as fixdep leaves them), `modules.order` and
 * `modules.builtin`. Paths are relative to the source tree's root.
 */

/** How a compiled kernel object ends up: built into the kernel (`module` null) or part of a module. */
export type RecordedObject = {
  /** The object, e.g. `net/netfilter/nf_tables_core.o`. */
  readonly object: string;
  /** The module it is compiled for (`-DMODULE`, `KBUILD_MODNAME`), or null when built in. */
  readonly module: string | null;
  /** `KBUILD_MODNAME` of a built-in object, when it names a module built into the kernel (modules.builtin). */
  readonly builtinModule?: string;
};

export type BuildRecord = {
  /** The build directory or tarball, for messages. */
  readonly source: string;
  /** Compiled kernel sources (`source_` of kernel objects) -> their object. */
  readonly compiled: ReadonlyMap<string, RecordedObject>;
  /**
   * Files that compiled kernel objects included (headers, `#include`d `.c` files) -> one including object, a built-in
   * one when there is one.
   */
  readonly included: ReadonlyMap<string, RecordedObject>;
  /** Sources compiled only as host programs (build tools such as scripts/mod/modpost.c). */
  readonly host: ReadonlySet<string>;
  /** Module names in `modules.order`, or null when the build has no modules.order. */
  readonly modules: readonly string[] | null;
  /** Module names in `modules.builtin`. */
  readonly builtinModules: readonly string[];
  /** The build's `.config`, when the directory holds one (a path inside it). */
  readonly config: string | null;
  /** True when the build linked vmlinux (`.vmlinux.cmd`): the record of a finished build. */
  readonly linkedVmlinux: boolean;
  /** Files the reader could not use, one line each. */
  readonly problems: readonly string[];
};
