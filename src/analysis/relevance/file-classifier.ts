/**
 * One file's verdict for a (Kbuild tree, config, build evidence) triple, memoized: the Kbuild evaluation is done once
 * per (model, config), each file once per evidence, and the `#include` graph is consulted when the tree has sources.
 */
import type { BuildRecord } from '../../domain/build-record.js';
import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { classifyFile } from './classify-file.js';
import { classifySource } from './classify-source.js';
import { evaluateKbuild, type KbuildEvaluation } from './evaluate-kbuild.js';
import { type ClassifyContext, type FileRelevance, objectOf } from './file-relevance.js';
import { type BuiltSource, includeEvidence, type RootVerdict } from './include-evidence.js';
import { includeGraphFor } from './include-graph.js';
import { matchBuiltFiles } from './match-built-files.js';

// Evaluating Kbuild is the expensive part and depends only on (model, config): done once per pair.
const memo = new WeakMap<KbuildModel, WeakMap<KernelConfig, KbuildEvaluation>>();

/** The Kbuild evaluation for a (model, config) pair, computed once. Pure (memoized). */
export function kbuildEvaluationFor(model: KbuildModel, config: KernelConfig): KbuildEvaluation {
  let byConfig = memo.get(model);
  if (byConfig === undefined) {
    byConfig = new WeakMap();
    memo.set(model, byConfig);
  }
  let ev = byConfig.get(config);
  if (ev === undefined) {
    ev = evaluateKbuild(model, config);
    byConfig.set(config, ev);
  }
  return ev;
}

// A file's verdict depends only on (evaluation, build evidence); records share files (18,863 verdicts, 8,381 paths).
type Verdicts = { readonly ctx: ClassifyContext; readonly cache: Map<string, FileRelevance> };
const verdictMemo = new WeakMap<KbuildEvaluation, { plain?: Verdicts; byEvidence: WeakMap<object, Verdicts> }>();

/** The build's own evidence: a `--built-files` list (object paths) or Kbuild's record of a build (`--build-dir`). */
export type BuildEvidence = ReadonlySet<string> | BuildRecord;

function isBuildRecord(e: BuildEvidence): e is BuildRecord {
  return 'compiled' in e;
}

function verdictCache(model: KbuildModel, ev: KbuildEvaluation, evidence: BuildEvidence | undefined): Verdicts {
  let entry = verdictMemo.get(ev);
  if (entry === undefined) {
    entry = { byEvidence: new WeakMap() };
    verdictMemo.set(ev, entry);
  }
  if (evidence === undefined) {
    entry.plain ??= withIncludes({ model, ev });
    return entry.plain;
  }
  let v = entry.byEvidence.get(evidence);
  if (v === undefined) {
    v = isBuildRecord(evidence)
      ? { ctx: { model, ev, build: evidence }, cache: new Map() }
      : withIncludes({ model, ev, builtObjects: matchBuiltFiles(evidence, model).objects });
    entry.byEvidence.set(evidence, v);
  }
  return v;
}

/** Adds `#include` evidence to a context when the tree holds its sources. */
function withIncludes(base: ClassifyContext): Verdicts {
  const graph = includeGraphFor(base.model, base.ev.srcarch);
  if (graph === null) return { ctx: base, cache: new Map() };
  const files = base.model.files as ReadonlySet<string>;
  const builtSources: BuiltSource[] = [];
  const objects =
    base.builtObjects === undefined
      ? base.ev.objects
      : new Map([...base.builtObjects].map((o) => [o, base.ev.objects.get(o) ?? { gate: 'y' as const, module: null }]));
  let withSource = 0;
  for (const [object, o] of objects) {
    const stem = object.slice(0, -2);
    if (files.has(`${stem}.rs`)) withSource++;
    for (const ext of ['.c', '.S']) {
      const source = `${stem}${ext}`;
      if (!files.has(source)) continue;
      builtSources.push({ path: source, gate: o.gate, module: o.module });
      withSource++;
    }
  }
  // A tree that lacks the sources of what it builds (a partial copy) would hide includers: no graph then. Generated
  // sources (vdso images, keymaps) are a few dozen of ~10,000 objects.
  if (withSource < objects.size * 0.95) return { ctx: base, cache: new Map() };
  const roots = new Map<string, RootVerdict>();
  const rootVerdict = (path: string): RootVerdict => {
    let v = roots.get(path);
    if (v === undefined) {
      v = chainEnd(path, base);
      roots.set(path, v);
    }
    return v;
  };
  const includes = includeEvidence(graph, builtSources, rootVerdict);
  return { ctx: { ...base, includes, includeGraph: graph }, cache: new Map() };
}

/** How an including file ends a chain of includes, by Kbuild (or the build list) alone. */
function chainEnd(path: string, ctx: ClassifyContext): RootVerdict {
  const top = path.slice(0, path.indexOf('/'));
  // scripts/ holds host tools, but also kernel-compiled inputs such as the module linker script scripts/module.lds.S.
  if (top === 'scripts' || top === 'samples')
    return { kind: 'unknown', why: `${top}/ is built by rules kgap does not model` };
  const object = objectOf(path);
  if (object === null) {
    if (!path.endsWith('.lds.S')) return { kind: 'through' };
    const r = classifyFile(path, ctx);
    return r.status === 'not-built' ? { kind: 'off', why: r.reason } : { kind: 'unknown', why: 'a linker script' };
  }
  if (ctx.builtObjects !== undefined) {
    if (ctx.builtObjects.has(object)) return { kind: 'built', gate: 'y', module: null };
    return { kind: 'off', why: `${object} is not in the build's file list` };
  }
  const r = classifySource(path, object, ctx);
  if (r.status === 'built-in' || r.status === 'module') {
    return { kind: 'built', gate: r.status === 'module' ? 'm' : 'y', module: r.module ?? null };
  }
  if (r.status === 'not-built') return { kind: 'off', why: r.reason };
  return r.unnamed === true ? { kind: 'through' } : { kind: 'unknown', why: r.reason };
}

/** Classifies single files of `model` for `config` the way `assessRelevance` does (memoized). Pure. */
export function fileClassifier(
  model: KbuildModel,
  config: KernelConfig,
  evidence?: BuildEvidence,
): (path: string) => FileRelevance {
  const verdicts = verdictCache(model, kbuildEvaluationFor(model, config), evidence);
  return (f) => {
    let r = verdicts.cache.get(f);
    if (r === undefined) {
      r = classifyFile(f, verdicts.ctx);
      verdicts.cache.set(f, r);
    }
    return r;
  };
}
