/** The variables kbuild gives every Kbuild file, and `$(wildcard)` over the model's file list. */

import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import type { MakeVar } from './make-expand.js';
import { normalizePath } from './tree-path.js';

/**
 * CONFIG_* as include/config/auto.conf defines them (symbols that are `n` are left undefined; strings keep their
 * quotes), plus ARCH/SRCARCH and an in-tree build's srctree/objtree.
 */
export function baseVars(config: KernelConfig, arch: { arch: string; srcarch: string }): Map<string, MakeVar> {
  const vars = new Map<string, MakeVar>();
  for (const [name, value] of config.values) {
    if (value === 'n') continue;
    const raw = /^(y|m|-?\d+|0x[0-9a-fA-F]+)$/.test(value) ? value : `"${value}"`;
    vars.set(name, { flavor: 'simple', value: raw });
  }
  const fixed: Record<string, string> = {
    ARCH: arch.arch,
    SRCARCH: arch.srcarch,
    srctree: '.',
    objtree: '.',
    KBUILD_EXTMOD: '',
  };
  for (const [k, v] of Object.entries(fixed)) vars.set(k, { flavor: 'simple', value: v });
  return vars;
}

/** `$(wildcard)` against the model: exact paths by lookup, patterns with `*`/`?` by scanning the file list. */
export function globIn(model: KbuildModel): (pattern: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (pattern) => {
    const hit = cache.get(pattern);
    if (hit !== undefined) return hit;
    const path = normalizePath(pattern);
    let out: readonly string[];
    if (!/[*?[]/.test(path)) {
      const exists = model.makefiles.has(path) || model.files?.has(path) === true;
      out = exists ? [pattern] : [];
    } else {
      const re = new RegExp(
        `^${path
          .replace(/[.+^${}()|\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]')}$`,
      );
      out = [...(model.files ?? model.makefiles.keys())].filter((f) => re.test(f)).sort();
    }
    cache.set(pattern, out);
    return out;
  };
}
