/** What `kgap relevance` renders: one CVE's (or one file list's) relevance, and what it was judged against. */
import type { Relevance } from './assess-relevance.js';

export type RelevanceReport = {
  /** The CVE explained, or null for `--files`. */
  readonly cve: { readonly id: string; readonly title: string } | null;
  readonly config: { readonly path: string; readonly version: string | null; readonly arch: string | null };
  readonly source: { readonly path: string; readonly version: string | null };
  /** True when `--built-files` decided instead of Kbuild inference. */
  readonly builtFiles: boolean;
  /** The build directory (or tarball) whose Kbuild record decided, or null. */
  readonly buildDir: string | null;
  readonly relevance: Relevance;
  /** Mismatches and input trouble worth a user's attention (sorted). */
  readonly warnings: readonly string[];
};

export const RELEVANCE_SCHEMA_VERSION = 1;
