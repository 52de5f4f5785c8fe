/**
 * kgap's inference against a real build's own record: of the kernel sources the build compiled, how many kgap
 * calls built, not built (must be none) or unknown; of those it did not compile, how many kgap calls not built.
 * With a full source tree the same is counted for headers. The figures of docs/semantics.md ("Relevance") come
 * from here (`scripts/relevance-vs-build.ts` prints them; `test/relevance-build-real.test.ts` pins them).
 */
import type { BuildRecord } from '../../domain/build-record.js';
import type { FileRelevance } from './file-relevance.js';

export type VerdictCounts = { readonly built: number; readonly notBuilt: number; readonly unknown: number };

export type BuildComparison = {
  /** Kernel `.c`/`.S` files of the tree the build compiled (`source_` of its kernel objects). */
  readonly compiled: VerdictCounts & {
    /** Built, and kgap agrees on built-in versus module (and on the module's name). */
    readonly sameLinkage: number;
  };
  /** Other kernel `.c`/`.S` files the build used: `#include`d into what it compiled (kernel/sched/rt.c). */
  readonly includedSources: VerdictCounts;
  /** Kernel `.c`/`.S` files of the tree the build neither compiled nor included. */
  readonly uncompiled: VerdictCounts;
  /** Headers the build included, and headers it did not. */
  readonly includedHeaders: VerdictCounts;
  readonly unusedHeaders: VerdictCounts;
  /** Every compiled file kgap does not call built, and every used file it calls not built, with kgap's reason. */
  readonly compiledUnknown: readonly FileRelevance[];
  readonly falseNotBuilt: readonly FileRelevance[];
  /** Uncompiled files kgap leaves unknown, by reason (numbers and paths folded), most frequent first. */
  readonly uncompiledUnknownReasons: readonly (readonly [string, number])[];
};

const KERNEL_RE = /^(?!(tools|Documentation|scripts|samples|usr|LICENSES)\/)[^/]+\/.*\.(c|S|h)$/;

/** Compares `classify` (kgap without the record) with `record` over the kernel files of `files`. Pure. */
export function compareWithBuild(
  files: Iterable<string>,
  record: BuildRecord,
  classify: (path: string) => FileRelevance,
): BuildComparison {
  const zero = (): { built: number; notBuilt: number; unknown: number } => ({ built: 0, notBuilt: 0, unknown: 0 });
  const compiled = { ...zero(), sameLinkage: 0 };
  const includedSources = zero();
  const uncompiled = zero();
  const includedHeaders = zero();
  const unusedHeaders = zero();
  const compiledUnknown: FileRelevance[] = [];
  const falseNotBuilt: FileRelevance[] = [];
  const reasons = new Map<string, number>();
  for (const f of [...files].sort()) {
    if (!KERNEL_RE.test(f) || record.host.has(f)) continue;
    const header = f.endsWith('.h');
    const own = record.compiled.get(f);
    const used = own ?? record.included.get(f);
    const r = classify(f);
    const verdict =
      r.status === 'built-in' || r.status === 'module' ? 'built' : r.status === 'not-built' ? 'notBuilt' : 'unknown';
    const counts = header
      ? used
        ? includedHeaders
        : unusedHeaders
      : own
        ? compiled
        : used
          ? includedSources
          : uncompiled;
    counts[verdict]++;
    if (used !== undefined && verdict === 'notBuilt') falseNotBuilt.push(r);
    if (own !== undefined) {
      if (verdict === 'unknown') compiledUnknown.push(r);
      const sameModule = own.module === null ? r.status === 'built-in' : r.module === own.module;
      if (verdict === 'built' && sameModule) compiled.sameLinkage++;
    }
    if (!header && used === undefined && verdict === 'unknown') {
      const key = r.reason.replace(/\S*\//g, '…/').replace(/\d+/g, 'N').slice(0, 120);
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  }
  return {
    compiled,
    includedSources,
    uncompiled,
    includedHeaders,
    unusedHeaders,
    compiledUnknown,
    falseNotBuilt,
    uncompiledUnknownReasons: [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  };
}
