import type { Confidence, EvidenceKind, TreeVerdictKind } from './tree-evidence.js';

/** The evidence a tree-mode finding carries in reports. */
export type TreeFindingEvidence = {
  readonly kind: EvidenceKind;
  readonly commit: string | null;
  readonly confidence: Confidence;
  readonly detail: string;
};

/** A fix the vendor carries that its base release does not: backported ahead of the stable release that has it. */
export type CarriedFix = {
  readonly id: string;
  readonly commit: string;
  readonly kind: EvidenceKind;
  /** The stable release on the base's branch that has the fix, or null when the branch has none (yet). */
  readonly stableRelease: string | null;
};

/** What a tree-mode report says about the tree itself. */
export type TreeFacts = {
  readonly rev: string;
  readonly revSha: string;
  readonly base: { readonly makefile: string; readonly makefileVersion: string | null; readonly tag: string | null };
  readonly shallow: boolean;
  readonly historyCommits: number;
  readonly historyComplete: boolean;
  readonly upstream: { readonly ref: string; readonly sha: string } | null;
  /** Carried patches (commits not in upstream); null when there is no upstream to compare with. */
  readonly vendorCommits: number | null;
  readonly vendorCommitList: readonly { readonly sha: string; readonly subject: string }[];
  readonly verdicts: Record<TreeVerdictKind, number>;
  /** How many verdicts each kind of evidence decided. */
  readonly byEvidence: Partial<Record<EvidenceKind, number>>;
  readonly carriedAhead: readonly CarriedFix[];
  readonly upstreamFixesAvailable: number;
};
