/**
 * What one scan of one product records: the data it used, the summary `kgap status` prints for the same inputs,
 * the vulnerability-days carried, the hardening result when the product has a config, and (read back on demand)
 * the verdict per CVE with its relevance and evidence.
 */
import type { CveSummary, Severity } from './cve.js';
import type { DataSnapshot } from './data-snapshot.js';

/** The data a scan was judged against. `rules` is the affectedness rules version the verdicts were made with. */
export type ScanSnapshot = DataSnapshot & { readonly recordProblems: number; readonly rules: number };

/** The headline numbers of a scan: the same as `kgap status` reports for the product's inputs. */
export type ScanSummary = {
  readonly version: string;
  readonly branch: string;
  readonly versionDate: string | null;
  readonly branchLatest: string | null;
  readonly branchLatestDate: string | null;
  readonly releasesBehind: number | null;
  readonly daysBehind: number | null;
  readonly affected: number;
  readonly fixedByNewerRelease: number;
  readonly fixedByLatest: number;
  readonly noFixOnBranch: number;
  readonly ambiguous: number;
  readonly bySeverity: Readonly<Record<Severity | 'unscored', number>>;
  /** With a config: the affected CVEs split by whether the product builds the code; null without one. */
  readonly relevance: { readonly built: number; readonly notBuilt: number; readonly unknown: number } | null;
  /** Days each carried CVE has been both public and fixed by a released update of the branch, summed. */
  readonly vulnerabilityDays: number;
};

/** The hardening result of a product with a config: the checklist's total score and counts. */
export type ScanHardening = {
  /** ok / (ok + fail) in percent; null when nothing was decided. */
  readonly score: number | null;
  readonly ok: number;
  readonly fail: number;
  readonly notApplicable: number;
  readonly unknown: number;
  /** Defences only newer kernels have (the upgrade gain). */
  readonly upgradeGain: number;
};

/** One recorded scan. */
export type Scan = {
  readonly id: number;
  readonly productId: number;
  /** The queue job that made it, when a worker did. */
  readonly jobId: string | null;
  /** When the scan was recorded (ISO 8601, UTC). */
  readonly scannedAt: string;
  readonly snapshot: ScanSnapshot;
  readonly summary: ScanSummary;
  readonly hardening: ScanHardening | null;
  readonly warnings: readonly string[];
};

/** What a finding's relevance says, as stored. */
export type StoredRelevance = { readonly status: 'built' | 'not-built' | 'unknown'; readonly reason: string };

/** Tree-mode evidence, as stored. */
export type StoredEvidence = {
  readonly kind: string;
  readonly commit: string | null;
  readonly confidence: string;
  readonly detail: string;
};

/** A CVE's facts as of a snapshot (what a finding shows about the record). */
export type CveFacts = CveSummary & { readonly programFiles: readonly string[] };

/** The verdict part of a finding: how the product carries the CVE. */
export type FindingVerdict = {
  readonly fixedOnBranch: string | null;
  readonly fixedUpstream: string | null;
  readonly ambiguous: boolean;
  /** When ambiguous: which reading the data leaves open, one sentence (docs/json-status.md); null otherwise. */
  readonly ambiguousReason: string | null;
  /** The affectedness rule that decided (docs/semantics.md). */
  readonly rule: string;
};

/** The verdict part of a finding, a verdict span or any verdict that carries more (in this key order). */
export function findingVerdictOf(v: FindingVerdict): FindingVerdict {
  return {
    fixedOnBranch: v.fixedOnBranch,
    fixedUpstream: v.fixedUpstream,
    ambiguous: v.ambiguous,
    ambiguousReason: v.ambiguousReason,
    rule: v.rule,
  };
}

/** One CVE a scanned product carries, read back from the store. */
export type ScanFinding = CveFacts &
  FindingVerdict & {
    readonly evidence: StoredEvidence | null;
    readonly relevance: StoredRelevance | null;
  };
