/**
 * The update decision record `kgap plan` writes (docs/plan.md): what moving a vendor tree from the stable release it
 * sits on to a newer release of the branch closes, brings and costs, and what becomes of each vendor patch.
 */
import type { CveSummary } from '../../domain/cve.js';
import type { DataSnapshot } from '../../domain/data-snapshot.js';
import type { EarlierGate } from '../../domain/fleet-gate.js';
import type { FateCounts, PatchFate } from '../../domain/patch-fate.js';
import type { TargetSource } from '../../domain/stable-commit.js';
import type { CheckChange } from '../hardening/compare-hardening.js';
import type { UpgradeGain } from '../hardening/hardening-report.js';
import type { RelevanceStatus } from '../relevance/assess-relevance.js';

/** What becomes of a vendor patch on the target (docs/plan.md, "Fates"): the vocabulary lives in domain/. */
export { type FateCounts, PATCH_FATES, type PatchFate } from '../../domain/patch-fate.js';

/** What a fate rests on: an equal patch-id, a backport marker, a revert pair, a revert of an upstream fix, a merge. */
export const FATE_EVIDENCE = ['patch-id', 'marker', 'revert-pair', 'reverts-upstream', 'merge'] as const;
export type FateEvidence = (typeof FATE_EVIDENCE)[number];

export type PatchEvidence = {
  readonly kind: FateEvidence;
  /** The commits it rests on: the target's equal or marked commit, the target's revert, the reverted commit. */
  readonly commits: readonly string[];
  readonly detail: string;
};

/** A stable commit between base and target, as a conflict names it. */
export type StableTouch = { readonly commit: string; readonly subject: string; readonly release: string };

/** One file in conflict: git's conflict type, the conflicted regions, the stable commits that changed the file. */
export type PatchConflict = {
  readonly file: string;
  /** `content`, `add/add`, `modify/delete`, `rename/delete`, … (git's words). */
  readonly kind: string;
  /** 1-based line ranges in the file as merged, conflict markers included. */
  readonly hunks: readonly { readonly start: number; readonly end: number }[];
  /**
   * Stable commits between base and target that changed the conflicted lines (their added lines are the target's
   * side, or their removed lines the base's), oldest first; every one that touched the file when no line tells.
   */
  readonly stableCommits: readonly StableTouch[];
};

/** One vendor patch and its fate. */
export type VendorPatch = {
  readonly commit: string;
  readonly subject: string;
  readonly fate: PatchFate;
  readonly files: readonly string[];
  readonly conflicts: readonly PatchConflict[];
  readonly evidence: PatchEvidence;
  /** `vendor-revert` only: would the revert still apply on the target (after the patches before it)? */
  readonly reapplies: 'clean' | 'conflict' | null;
};

/** A CVE in the plan, with whether the product builds the code its fix touched (with a config). */
export type PlanCve = CveSummary & {
  /** The branch release that fixes it (for a closed CVE: the one up to the target), null when none. */
  readonly fixedOnBranch: string | null;
  readonly relevance: RelevanceStatus | null;
  /** A condition on the verdict (a vendor revert to drop, a vendor patch that keeps a bug or a fix). */
  readonly note: string | null;
};

/** A CVE list's size, split by relevance (`built` etc. are null without a config). */
export type CveCount = {
  readonly total: number;
  readonly built: number | null;
  readonly notBuilt: number | null;
  readonly unknown: number | null;
};

export type PlanCves = {
  /** Affect the tree today (tree-aware) and not the target. */
  readonly closed: readonly PlanCve[];
  /** Do not affect the tree today and affect the target: bugs the newer stable commits bring. */
  readonly introduced: readonly PlanCve[];
  /** Affect both. */
  readonly stillOpen: readonly PlanCve[];
  /** Fixed in the tree by a vendor backport and by the target too: not counted as closed again. */
  readonly alreadyFixedByVendor: readonly string[];
  readonly counts: {
    readonly closed: CveCount;
    readonly introduced: CveCount;
    readonly stillOpen: CveCount;
  };
};

/** The stable commits between base and target: the fixes the move brings, CVE or not. */
export type StableFixes = {
  readonly total: number;
  /** Tied to a CVE by the records (the stable commit id a .dyad names, or its subject and release). */
  readonly withCve: number;
  readonly withoutCve: number;
  /** Per subsystem (the top-level directory most of a commit's files are in), most commits first. */
  readonly bySubsystem: readonly { readonly subsystem: string; readonly total: number; readonly withCve: number }[];
  /** Per release, oldest first. */
  readonly byRelease: readonly { readonly release: string; readonly total: number; readonly withCve: number }[];
};

/** With a config: the hardening checks whose status the target changes, and the defences it brings. */
export type PlanHardening = {
  readonly config: string;
  readonly changes: readonly CheckChange[];
  /** Defences the base is too old for and the target has (the harden upgrade gain up to the target). */
  readonly gained: readonly UpgradeGain[];
  /** Defences still out of reach: they need a newer branch. */
  readonly laterGain: readonly UpgradeGain[];
};

/** A command to run on the candidate. */
export type TestStep = { readonly purpose: string; readonly command: string };

export type PlanReport = {
  readonly from: {
    readonly version: string;
    readonly tag: string;
    readonly commit: string;
    readonly rev: string;
    readonly revCommit: string;
    readonly makefile: string;
    /** Vendor patches (non-merge commits in base..rev). */
    readonly vendorCommits: number;
    /** Merge commits in base..rev: not patches, not replayed. */
    readonly mergeCommits: number;
  };
  readonly to: {
    readonly version: string;
    readonly tag: string;
    readonly commit: string;
    readonly date: string | null;
    readonly source: TargetSource;
  };
  readonly cves: PlanCves;
  readonly stableFixes: StableFixes;
  readonly vendorPatches: readonly VendorPatch[];
  readonly fates: FateCounts;
  readonly hardening: PlanHardening | null;
  readonly testPlan: readonly TestStep[];
  /**
   * A fleet plan only (`kgap fleet plan`): the product's most recent recorded gate runs, newest first (docs/plan.md).
   * Absent from `kgap plan`, which knows no product.
   */
  readonly earlierGates?: readonly EarlierGate[];
  readonly verdict: string;
  /** The branch written by `writeBranch`, or null. */
  readonly branch: { readonly name: string; readonly commit: string; readonly commits: number } | null;
  readonly notes: readonly string[];
  readonly snapshot: DataSnapshot;
};
