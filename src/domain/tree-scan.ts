/** The backport markers a kernel commit message can carry (parsed by `sources/tree/parse-commit-markers.ts`). */
export const MARKER_STYLES = ['stable', 'cherry-pick', 'android', 'trailer'] as const;
export type MarkerStyle = (typeof MARKER_STYLES)[number];

/** Which rule found a backport: a marker in the message, an equal patch-id, or only an equal subject line. */
export type BackportMatch =
  | { readonly via: 'marker'; readonly style: MarkerStyle }
  | { readonly via: 'patch-id' }
  | { readonly via: 'subject' };

/** A commit of the tree that carries a record's commit (a fix or an introducing commit) under another id. */
export type Backport = {
  /** The tree's commit. */
  readonly commit: string;
  /** The record's commit id it carries (full id as the record spells it). */
  readonly ref: string;
  readonly match: BackportMatch;
  /** True when the commit is in the vendor delta (not in the upstream it is compared with). */
  readonly vendor: boolean;
};

/**
 * What kgap read from a product tree's git history, restricted to what the CVE records name: JSON-safe, so it is
 * cached per (tree commit, vulns commit). Built by `sources/tree/read-tree-scan.ts`; analyzed by `assess-tree.ts`.
 */
export type TreeScan = {
  readonly schemaVersion: 1;
  /** The revision asked for and the commit it names. */
  readonly rev: string;
  readonly revSha: string;
  readonly vulnsCommit: string;
  readonly shallow: boolean;
  readonly base: {
    /** Makefile version as written (`6.1.120-vendor`), its upstream version, and the nearest `vX.Y.Z` tag. */
    readonly makefile: string;
    readonly makefileVersion: string | null;
    readonly tag: string | null;
  };
  /** Commits reachable from the revision (the scanned history). */
  readonly historyCommits: number;
  /**
   * True when absence from history means something: not shallow and a release tag is reachable, so the
   * tree has upstream history rather than a squashed import.
   */
  readonly historyComplete: boolean;
  /** What the vendor delta was computed against (`--upstream-ref` or the base tag), or null when neither exists. */
  readonly upstream: { readonly ref: string; readonly sha: string } | null;
  /** Record commit ids (fixes, introducing commits) that are ancestors of the revision. */
  readonly present: readonly string[];
  readonly backports: readonly Backport[];
  /** [reverted commit id (as written, >= 12 hex), reverting commit], for reverts that touch evidence commits. */
  readonly reverts: readonly (readonly [string, string])[];
  /** Commits on the product branch that are not in upstream, newest first; null when there is no upstream. */
  readonly vendorCommits: readonly { readonly sha: string; readonly subject: string }[] | null;
  /** Record fix commits whose objects are in the repository (usable for patch-id), of those named. */
  readonly upstreamFixesAvailable: number;
};
