/** What relevance says about one file, and what it is judged against. */
import type { BuildRecord } from '../../domain/build-record.js';
import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { KbuildEvaluation } from './evaluate-kbuild.js';
import type { IncludeEvidence } from './include-evidence.js';
import type { IncludeGraph } from './include-graph.js';

export const FILE_STATUSES = ['built-in', 'module', 'not-built', 'unknown', 'header', 'not-kernel-code'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export type FileRelevance = {
  readonly path: string;
  readonly status: FileStatus;
  /** The module (`.ko` name without extension) when `status` is `module`. */
  readonly module?: string;
  readonly reason: string;
  /** For a header: it sits in a directory that is not built (counts as not built for its CVE). */
  readonly inUnbuiltDir?: boolean;
  /** A source no Kbuild file names: it is built, if at all, because another file `#include`s it. */
  readonly unnamed?: boolean;
};

const SOURCE_RE = /\.(c|S|rs)$/;

/** The object kbuild makes from a source file (`a/b.c` -> `a/b.o`; `x.asn1` -> `x.asn1.o`), or null. */
export function objectOf(path: string): string | null {
  if (path.endsWith('.lds.S')) return null; // linker scripts are targets, not objects
  if (SOURCE_RE.test(path)) return path.replace(SOURCE_RE, '.o');
  if (path.endsWith('.asn1')) return `${path}.o`; // scripts/asn1_compiler output, listed as x.asn1.o
  return null;
}

export type ClassifyContext = {
  readonly model: KbuildModel;
  readonly ev: KbuildEvaluation;
  /** Object paths from `--built-files`, when given: the build's own word overrides Kbuild inference. */
  readonly builtObjects?: ReadonlySet<string>;
  /** Kbuild's record of a real build (`--build-dir`), when given: the ground truth, headers included. */
  readonly build?: BuildRecord;
  /** What the `#include` graph says about a file, when the tree holds its sources. */
  readonly includes?: (path: string) => IncludeEvidence;
  /** That graph itself. */
  readonly includeGraph?: IncludeGraph;
};
