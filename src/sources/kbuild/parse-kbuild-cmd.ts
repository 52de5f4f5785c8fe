/**
 * One `.<target>.cmd` file as Kbuild writes it (scripts/Kbuild.include `if_changed_dep`, scripts/basic/fixdep.c):
 *
 *     cmd_net/core/dev.o := gcc -Wp,-MMD,... -D__KERNEL__ ... -c -o net/core/dev.o net/core/dev.c
 *     source_net/core/dev.o := net/core/dev.c
 *     deps_net/core/dev.o := \
 *       include/linux/compiler-version.h \
 *         $(wildcard include/config/CC_VERSION_TEXT) \
 *       ...
 */

export type KbuildCmd = {
  /** The target, e.g. `net/core/dev.o`, as the build directory names it. */
  readonly target: string;
  /** The compiled file (`source_`), as the compiler saw it (`./`-prefixed, or absolute for `O=` builds). */
  readonly source: string;
  /** Every file the compile read (`deps_`), without the `$(wildcard include/config/...)` entries. */
  readonly deps: readonly string[];
  /** Compiled as kernel code (`-D__KERNEL__`), not as a host program. */
  readonly kernel: boolean;
  /** The module it is compiled for: `KBUILD_MODNAME` when the command defines `MODULE`, else null. */
  readonly module: string | null;
  /** `KBUILD_MODNAME` whatever the command (built-in objects carry one too). */
  readonly modname: string | null;
};

// `-DKBUILD_MODNAME='"dev"'` (6.1), `-D"KBUILD_MODNAME=KBUILD_STR(dev)"` (before 4.x); not `-D__KBUILD_MODNAME=kmod_dev`.
const MODNAME_RE = /-D"?KBUILD_MODNAME=(?:'"|\\?"|KBUILD_STR\()?([A-Za-z0-9_-]+)/;

/** Parses the text of a `.cmd` file; null when it records no compile (`.ko`, `.a` and `.mod` files). Pure. */
export function parseKbuildCmd(text: string): KbuildCmd | null {
  const lines = text.split('\n');
  let command = '';
  let target: string | null = null;
  let source: string | null = null;
  const deps: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('cmd_') && command === '') {
      command = line.slice(line.indexOf(':=') + 2);
    } else if (line.startsWith('source_')) {
      const at = line.indexOf(' := ');
      if (at < 0) continue;
      target = line.slice('source_'.length, at);
      source = line.slice(at + 4).trim();
    } else if (line.startsWith('deps_') && line.trimEnd().endsWith('\\')) {
      while (++i < lines.length) {
        const dep = (lines[i] as string).trim().replace(/\s*\\$/, '');
        if (dep === '') break;
        if (!dep.startsWith('$(')) deps.push(dep);
      }
    }
  }
  if (target === null || source === null || source === '') return null;
  const modname = MODNAME_RE.exec(command)?.[1] ?? null;
  return {
    target,
    source,
    deps,
    kernel: /(^|\s)-D__KERNEL__(\s|$)/.test(command),
    module: /(^|\s)-DMODULE(\s|$)/.test(command) ? modname : null,
    modname,
  };
}
