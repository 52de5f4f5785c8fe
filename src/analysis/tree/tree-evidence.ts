/** Evidence kinds, strongest first (docs/semantics.md, "Tree mode"). */
export const EVIDENCE_KINDS = [
  'fix-commit',
  'backport-marker',
  'patch-id',
  'subject',
  'reverted',
  'intro-present',
  'intro-absent',
  'no-fix-in-history',
  'version-rule',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const TREE_VERDICTS = ['affected', 'fixed', 'not-affected'] as const;
export type TreeVerdictKind = (typeof TREE_VERDICTS)[number];

/** Why a verdict was reached: the rule, the tree commit it rests on (if any), how sure, and a sentence. */
export type Evidence = {
  readonly kind: EvidenceKind;
  /** The tree's commit the evidence rests on (the fix, the backport, the revert, the introducing commit). */
  readonly commit: string | null;
  /** The record's commit id it stands for (the upstream fix or introducing commit), when different. */
  readonly ref: string | null;
  readonly confidence: Confidence;
  readonly detail: string;
};

/** A CVE's verdict for a tree: the deciding evidence first, then everything else that was considered. */
export type TreeVerdict = {
  readonly id: string;
  readonly verdict: TreeVerdictKind;
  readonly evidence: Evidence;
  readonly considered: readonly Evidence[];
  /** The verdict rests on a reading the data leaves open (docs/semantics.md, rule 5): `ambiguousReason` says which. */
  readonly ambiguous: boolean;
  /** The same sentence version mode gives for the same reading, or null. */
  readonly ambiguousReason: string | null;
  /** The fix was found through a vendor commit (not inherited from upstream). */
  readonly vendorFix: boolean;
};
