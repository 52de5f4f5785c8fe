/**
 * Evaluates a Kbuild tree for one `.config`: which directories kbuild descends into (and whether for built-in code
 * or only modules), and which objects end up built-in or in which module. Pure; `assessRelevance` memoizes it.
 */

import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { archEntryDirs } from './arch-entry-dirs.js';
import { collectObjects, type DirResult, type Gate } from './collect-objects.js';
import { type EvalState, type Mention, mentionPath, runMakefile } from './eval-makefile.js';
import { kbuildArch } from './kbuild-arch.js';
import { baseVars, globIn } from './kbuild-env.js';
import { type ExpandEnv, lookup, splitWords } from './make-expand.js';
import { collectRuleRefs, type RuleRef } from './rule-refs.js';
import { VarScope } from './var-scope.js';

export type { Gate } from './collect-objects.js';

export type BuiltObject = {
  readonly gate: Gate;
  /** Module name (the composite object's or the file's own base name) when `gate` is `m`. */
  readonly module: string | null;
  /** The Kbuild file that lists it. */
  readonly makefile: string;
  /** Set when the object is part of a composite (`foo-y += bar.o`). */
  readonly composite: string | null;
};

export type KbuildEvaluation = {
  readonly arch: string;
  readonly srcarch: string;
  /** User-mode Linux's host architecture (`x86`), whose arch/ directory it also builds from. */
  readonly subarch?: string;
  /** Directories kbuild descends into, tree-relative (root is ``), and their gate. */
  readonly dirs: ReadonlyMap<string, Gate>;
  readonly objects: ReadonlyMap<string, BuiltObject>;
  /** Objects listed in `obj-y` of a directory entered only for modules: compiled, linked nowhere. */
  readonly unlinked: ReadonlySet<string>;
  /** Every `x.o` and `dir/` named by an evaluated Kbuild file, with where. */
  readonly mentions: ReadonlyMap<string, readonly Mention[]>;
  /** Directories that only another architecture's Makefile links (`drivers-y += drivers/s390/`) -> that arch. */
  readonly otherArchDirs: ReadonlyMap<string, string>;
  /**
   * The `arch/<name>/` directories this config's Kbuild files reach at all (the target's own, UML's host arch, and
   * any other one a reached Makefile names, as arm64 names `../../arm/xen/`). The rest is another architecture.
   */
  readonly reachedArchs: ReadonlySet<string>;
  /**
   * Every Kbuild file kbuild reads for this config: the top Makefile, the arch Makefile, each reached directory's
   * Kbuild file, and what they include. Only these can name a directory for kbuild to enter.
   */
  readonly readMakefiles: ReadonlySet<string>;
  /** The rule and recipe words of those files: where kbuild may go beyond the object lists. */
  readonly ruleRefs: readonly RuleRef[];
  /** Headers those files force into compiles (`-include`), as written after expansion. */
  readonly forcedIncludes: readonly string[];
  /** Directory -> why its object lists may be incomplete. */
  readonly incomplete: ReadonlyMap<string, readonly string[]>;
  readonly problems: readonly string[];
};

const ENTRY_VARS = ['init', 'core', 'drivers', 'net', 'libs', 'virt'] as const;
const max = (a: Gate | undefined, b: Gate): Gate => (a === 'y' || b === 'y' ? 'y' : 'm');
const min = (a: Gate, b: Gate): Gate => (a === 'm' || b === 'm' ? 'm' : 'y');

/** Evaluates `model` for `config`. Throws only on a bug; an unknown architecture yields an empty evaluation. */
export function evaluateKbuild(model: KbuildModel, config: KernelConfig): KbuildEvaluation {
  const arch = kbuildArch(config) ?? { arch: 'unknown', srcarch: 'unknown' };
  const mentions = new Map<string, Mention[]>();
  const incomplete = new Map<string, string[]>();
  const problems: string[] = [];
  const glob = globIn(model);
  const base = baseVars(config, arch);
  const readMakefiles = new Set<string>();
  const ruleRefs: RuleRef[] = [];
  const forcedIncludes: string[] = [];
  // Each state records the files it read, so that their rules are expanded in its variables afterwards.
  const readBy = new WeakMap<EvalState, string[]>();
  const afterRun = (state: EvalState): void => {
    const { refs, forced } = collectRuleRefs(model, readBy.get(state) ?? [], state.env, state.dir);
    ruleRefs.push(...refs);
    forcedIncludes.push(...forced);
  };

  const newState = (dir: string, vars: VarScope, mentionable: (n: string) => boolean): EvalState => {
    const here: string[] = [];
    const state: EvalState = {
      env: { vars, glob, uncertain: [], depth: 0 },
      dir,
      mentions,
      incomplete: [],
      exported: new Set(),
      files: (p) => {
        const parsed = model.makefiles.get(p);
        if (parsed !== undefined) {
          readMakefiles.add(p);
          here.push(p);
        }
        return parsed;
      },
      ignoreInclude: (p) => p.startsWith('scripts/') || p.startsWith('include/config/') || p.startsWith('tools/'),
      mentionable,
    };
    readBy.set(state, here);
    return state;
  };

  // 1. The top Makefile and arch/$(SRCARCH)/Makefile: entry points (core-y, drivers-y, ...) and exported variables.
  const top = newState('', new VarScope(base), (n) => /^(init|core|drivers|net|libs|virt)-/.test(n));
  if (model.makefiles.size > 0 && !model.makefiles.has(`arch/${arch.srcarch}/Makefile`)) {
    // Without the arch Makefile the entry points are partial: no directory may be called unreached.
    incomplete.set('', [`the source has no arch/${arch.srcarch}/Makefile for this config's architecture`]);
  }
  const topFile = model.makefiles.get('Makefile');
  if (topFile === undefined) problems.push('the source has no top-level Makefile');
  else {
    readMakefiles.add('Makefile');
    readBy.get(top)?.push('Makefile');
    runMakefile(top, topFile, 'Makefile');
    afterRun(top);
  }
  const words = (env: ExpandEnv, name: string): string[] => splitWords(lookup(name, env));
  const dirVars = new VarScope(base);
  for (const name of top.exported) {
    dirVars.set(name, { flavor: 'simple', value: lookup(name, top.env) });
  }
  dirVars.set('ARCH_CORE', { flavor: 'simple', value: words(top.env, 'core-y').join(' ') });
  dirVars.set('ARCH_LIB', {
    flavor: 'simple',
    value: words(top.env, 'libs-y')
      .filter((w) => w.endsWith('/'))
      .join(' '),
  });
  dirVars.set('ARCH_DRIVERS', {
    flavor: 'simple',
    value: [...words(top.env, 'drivers-y'), ...words(top.env, 'drivers-m')].join(' '),
  });
  const rootEdges: { dir: string; gate: Gate }[] = [];
  for (const v of ENTRY_VARS) {
    for (const gate of ['y', 'm'] as const) {
      for (const w of words(top.env, `${v}-${gate}`)) {
        const p = mentionPath('', w);
        if (p?.endsWith('/')) rootEdges.push({ dir: p.slice(0, -1), gate });
      }
    }
  }

  // 2. Every directory reached from the root, evaluated once; gates then settle by propagation.
  const results = new Map<string, DirResult>();
  const evaluateDir = (dir: string): DirResult => {
    const file = kbuildFile(model, dir);
    const vars = new VarScope(dirVars);
    vars.set('src', { flavor: 'simple', value: dir === '' ? '.' : dir });
    vars.set('obj', { flavor: 'simple', value: dir === '' ? '.' : dir });
    const state = newState(dir, vars, () => true);
    if (file === null) {
      if (dir !== '') incomplete.set(dir, [`${dir}/ has no Makefile or Kbuild file in the source`]);
      return { objects: [], children: dir === '' ? rootEdges : [] };
    }
    readMakefiles.add(file.path);
    readBy.get(state)?.push(file.path);
    runMakefile(state, file.parsed, file.path);
    afterRun(state);
    const result = collectObjects(state, dir);
    if (state.incomplete.length > 0) incomplete.set(dir, [...(incomplete.get(dir) ?? []), ...state.incomplete]);
    if (dir === '') result.children.push(...rootEdges);
    return result;
  };

  const dirs = new Map<string, Gate>([['', 'y']]);
  const queue = [''];
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    let result = results.get(dir);
    if (result === undefined) {
      result = evaluateDir(dir);
      results.set(dir, result);
    }
    const gate = dirs.get(dir) ?? 'm';
    for (const child of result.children) {
      const next = min(gate, child.gate);
      const old = dirs.get(child.dir);
      if (old === undefined || (old === 'm' && next === 'y')) {
        dirs.set(child.dir, max(old, next));
        queue.push(child.dir);
      }
    }
  }

  // 3. Objects: effective gate is the weaker of the directory's and the object's own.
  const objects = new Map<string, BuiltObject>();
  const unlinked = new Set<string>();
  for (const [dir, result] of results) {
    const dirGate = dirs.get(dir) ?? 'm';
    const makefile = kbuildFile(model, dir)?.path ?? dir;
    for (const o of result.objects) {
      if (o.gate === 'y' && dirGate === 'm') {
        unlinked.add(o.path);
        continue;
      }
      const old = objects.get(o.path);
      if (old?.gate === 'y') continue;
      objects.set(o.path, { gate: o.gate, module: o.gate === 'm' ? o.module : null, makefile, composite: o.composite });
    }
  }
  for (const p of objects.keys()) unlinked.delete(p);
  const otherArchDirs = new Map<string, string>();
  if (arch.srcarch !== 'unknown') {
    for (const [dir, owner] of archEntryDirs(model))
      if (owner !== arch.srcarch && !dirs.has(dir)) otherArchDirs.set(dir, owner);
  }
  const reachedArchs = new Set([arch.srcarch, ...(arch.subarch === undefined ? [] : [arch.subarch])]);
  for (const paths of [dirs.keys(), objects.keys(), mentions.keys()]) {
    for (const p of paths) {
      const a = /^arch\/([^/]+)\//.exec(p.endsWith('/') ? p : `${p}/`)?.[1];
      if (a !== undefined) reachedArchs.add(a);
    }
  }
  return {
    ...arch,
    dirs,
    objects,
    unlinked,
    mentions,
    otherArchDirs,
    reachedArchs,
    readMakefiles,
    ruleRefs,
    forcedIncludes,
    incomplete,
    problems,
  };
}

/** `dir/Kbuild` wins over `dir/Makefile`, as in scripts/Makefile.build. */
export function kbuildFile(
  model: KbuildModel,
  dir: string,
): { path: string; parsed: NonNullable<ReturnType<KbuildModel['makefiles']['get']>> } | null {
  for (const name of ['Kbuild', 'Makefile']) {
    const path = dir === '' ? name : `${dir}/${name}`;
    const parsed = model.makefiles.get(path);
    if (parsed !== undefined && !(dir === '' && name === 'Makefile')) return { path, parsed };
  }
  return null;
}
