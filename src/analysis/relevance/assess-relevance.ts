/**
 * Per CVE: does the product build the code its fix touched? `built` if any touched source file is built,
 * `not-built` only with evidence for every touched kernel source file, `unknown` otherwise, with the reason.
 */

import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { type BuildEvidence, fileClassifier } from './file-classifier.js';
import type { FileRelevance } from './file-relevance.js';
import { matchBuiltFiles } from './match-built-files.js';

export { type BuildEvidence, fileClassifier, kbuildEvaluationFor } from './file-classifier.js';

export const RELEVANCE_STATUSES = ['built', 'not-built', 'unknown'] as const;
export type RelevanceStatus = (typeof RELEVANCE_STATUSES)[number];

export type Relevance = {
  readonly status: RelevanceStatus;
  readonly reason: string;
  /**
   * For `not-built`: the CISA VEX justification. The code is not compiled into the kernel or any module, so it is
   * not present in the product (`vulnerable_code_not_present`).
   */
  readonly justification: 'vulnerable_code_not_present' | null;
  /** Sorted by path. */
  readonly files: readonly FileRelevance[];
};

/** Normalizes `--built-files` entries (`./drivers/x.o`, `drivers/x.c`) to object paths, without fitting a prefix. */
export function builtObjectSet(paths: Iterable<string>): ReadonlySet<string> {
  return matchBuiltFiles(paths, null).objects;
}

/**
 * Assesses one CVE's touched files. `evidence` is the build's own word when given: a `--built-files` list (object or
 * source paths; a leading build directory is fitted away, see `matchBuiltFiles`) or Kbuild's record of the build.
 */
export function assessRelevance(
  programFiles: readonly string[],
  model: KbuildModel,
  config: KernelConfig,
  evidence?: BuildEvidence,
): Relevance {
  const classify = fileClassifier(model, config, evidence);
  const byPath = new Map<string, FileRelevance>();
  for (const f of programFiles) {
    const r = classify(f);
    byPath.set(r.path, r);
  }
  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...decide(files), files };
}

function decide(files: readonly FileRelevance[]): Omit<Relevance, 'files'> {
  const built = files.filter((f) => f.status === 'built-in' || f.status === 'module');
  if (built.length > 0) {
    const what = built.map((f) => (f.status === 'module' ? `${f.path} (module ${f.module})` : `${f.path} (built-in)`));
    return { status: 'built', reason: `builds ${what.join(', ')}`, justification: null };
  }
  if (files.length === 0)
    return { status: 'unknown', reason: 'the record names no program files', justification: null };
  const kernel = files.filter((f) => f.status !== 'not-kernel-code');
  if (kernel.length === 0) {
    return {
      status: 'unknown',
      reason: 'touches only files outside the kernel proper (tools, docs, build files)',
      justification: null,
    };
  }
  const undecided = kernel.filter(
    (f) => f.status !== 'not-built' && !(f.status === 'header' && f.inUnbuiltDir === true),
  );
  const sources = kernel.filter((f) => f.status === 'not-built');
  if (undecided.length === 0 && sources.length > 0) {
    return {
      status: 'not-built',
      reason: `no touched file is built: ${sources[0]?.path}: ${sources[0]?.reason}`,
      justification: 'vulnerable_code_not_present',
    };
  }
  const first = undecided[0] ?? kernel[0];
  const why = first === undefined ? 'no kernel source files' : `${first.path}: ${first.reason}`;
  const headersOnly = undecided.length > 0 && undecided.every((f) => f.status === 'header');
  return {
    status: 'unknown',
    reason: headersOnly ? `only headers decide (${why})` : why,
    justification: null,
  };
}
