import type { CveRecord, CveSummary, Severity } from '../../domain/cve.js';
import type { DataSnapshot } from '../../domain/data-snapshot.js';
import { daysBetween } from '../../domain/day.js';
import {
  branchOf,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
} from '../../domain/kernel-version.js';
import { branchReleases, type DatedRelease, type Release, type ReleaseTable } from '../../domain/release.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import type { Relevance } from '../relevance/assess-relevance.js';
import type { TreeFacts, TreeFindingEvidence } from '../tree/tree-facts.js';
import { assessVersion, type VerdictRule, type VersionVerdict } from './assess-version.js';

/** One CVE that the version carries. */
export type Finding = CveSummary & {
  /** The CVSS v3 vector behind `cvss` (for VEX and SBOM ratings); null when unscored. */
  readonly cvssVector: string | null;
  /** First release on the version's branch without the bug; null when the branch has no fix. */
  readonly fixedOnBranch: string | null;
  readonly fixedUpstream: string | null;
  readonly ambiguous: boolean;
  /** Why the verdict is ambiguous (docs/semantics.md, rule 5); null when it is not. */
  readonly ambiguousReason: string | null;
  readonly rule: VerdictRule;
  readonly programFiles: readonly string[];
  /** Tree mode only: the evidence behind the verdict (docs/semantics.md, "Tree mode"). */
  readonly evidence?: TreeFindingEvidence;
  /** With a .config: does the product build the code the fix touched (docs/semantics.md, "Relevance")? */
  readonly relevance?: Relevance;
};

export type SeverityCounts = Record<Severity | 'unscored', number>;

export type ExposureReport = {
  readonly version: string;
  readonly branch: string;
  readonly versionDate: string | null;
  readonly branchLatest: DatedRelease | null;
  readonly releasesBehind: number | null;
  readonly daysBehind: number | null;
  readonly summary: {
    readonly affected: number;
    readonly fixedByNewerRelease: number;
    readonly fixedByLatest: number;
    /** The single release on the branch that fixes the most of these CVEs. */
    readonly biggestFixRelease: { readonly version: string; readonly fixes: number } | null;
    readonly noFixOnBranch: number;
    readonly ambiguous: number;
    readonly bySeverity: SeverityCounts;
    /** With a .config: the affected CVEs split by whether the product builds the touched code. */
    readonly relevance?: { readonly built: number; readonly notBuilt: number; readonly unknown: number };
  };
  /** All findings, most severe first, then by id. */
  readonly affected: readonly Finding[];
  readonly notes: readonly string[];
  readonly snapshot: DataSnapshot & { readonly recordProblems: number };
  /** Tree mode only: what the product tree is and what was read from it. */
  readonly tree?: TreeFacts;
};

/** How each record becomes a finding; the default is the version rule. Tree mode passes its own. */
export type ExposureOptions = {
  readonly assess?: (record: CveRecord) => Finding | null;
  /** When `index.records` holds only candidates (a branch view): the size of the whole data set, for the snapshot. */
  readonly totals?: { readonly records: number; readonly recordProblems: number };
};

const SEVERITY_RANK: Record<Severity | 'unscored', number> = {
  critical: 5,
  high: 4,
  medium: 3,
  low: 2,
  none: 1,
  unscored: 0,
};

function toFinding(record: CveRecord, v: KernelVersion): Finding | null {
  const verdict = assessVersion(record, v);
  return verdict.affected ? findingOf(record, verdict) : null;
}

/** What a finding takes from a verdict. */
type FindingVerdict = Pick<
  VersionVerdict,
  'fixedOnBranch' | 'fixedUpstream' | 'ambiguous' | 'ambiguousReason' | 'rule'
>;

/**
 * The finding for an affected record, from its verdict (whichever way the verdict was reached). Written out field
 * by field rather than spreading `cveSummaryOf`: on the warm-status path (one call per affected CVE) the spread
 * cost 20 ms of a 108 ms run (docs/performance.md).
 */
export function findingOf(
  record: CveRecord,
  { fixedOnBranch, fixedUpstream, ambiguous, ambiguousReason, rule }: FindingVerdict,
): Finding {
  return {
    id: record.id,
    title: record.title,
    cvss: record.cvss?.score ?? null,
    severity: record.cvss?.severity ?? null,
    cvssVector: record.cvss?.vector ?? null,
    fixedOnBranch,
    fixedUpstream,
    published: record.published,
    ambiguous,
    ambiguousReason,
    rule,
    programFiles: record.programFiles,
  };
}

/** What the order of findings looks at. */
type FindingRank = Pick<CveSummary, 'id' | 'severity' | 'cvss'>;

/**
 * The order of findings: most severe first, then by CVSS score, then by id (numeric). On records too (a finding's
 * severity and score are its record's), so a cache can store records in finding order.
 */
export function compareByFindingOrder(a: FindingRank, b: FindingRank): number {
  const bySeverity = SEVERITY_RANK[b.severity ?? 'unscored'] - SEVERITY_RANK[a.severity ?? 'unscored'];
  if (bySeverity !== 0) return bySeverity;
  const byScore = (b.cvss ?? -1) - (a.cvss ?? -1);
  return byScore !== 0 ? byScore : cveKey(a.id) - cveKey(b.id);
}

/** Sorts in place by `compareByFindingOrder`, each id's key computed once; input already in order costs one pass. */
export function sortFindings<T extends FindingRank>(findings: T[]): void {
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i++) {
    sorted = compareByFindingOrder(findings[i - 1] as T, findings[i] as T) <= 0;
  }
  if (sorted) return;
  const keys = new Map(findings.map((f) => [f, cveKey(f.id)]));
  findings.sort((a, b) => {
    const bySeverity = SEVERITY_RANK[b.severity ?? 'unscored'] - SEVERITY_RANK[a.severity ?? 'unscored'];
    if (bySeverity !== 0) return bySeverity;
    const byScore = (b.cvss ?? -1) - (a.cvss ?? -1);
    return byScore !== 0 ? byScore : (keys.get(a) ?? 0) - (keys.get(b) ?? 0);
  });
}

function cveKey(id: string): number {
  // CVE-YYYY-N…: year and number without splitting into arrays (called for every finding of a warm query).
  const dash = id.indexOf('-', 4);
  return Number(id.slice(4, dash)) * 10_000_000 + Number(id.slice(dash + 1));
}

/** Which published CVEs does version V carry, and how far behind its branch is it? Pure. */
export function assessExposure(
  index: VulnsIndex,
  releases: ReleaseTable,
  v: KernelVersion,
  options: ExposureOptions = {},
): ExposureReport {
  const branch = branchOf(v);
  const name = formatKernelVersion(v);
  const onBranch: readonly Release[] = branchReleases(releases, branch);
  const latest = onBranch.at(-1) ?? null;
  const own = releases.byName.get(name) ?? null;
  const notes: string[] = [];
  if (onBranch.length === 0) notes.push(`no release dates known for branch ${branch}`);
  else if (latest && compareKernelVersions(v, latest.version) > 0) {
    notes.push(`${name} is newer than the release data (latest known ${latest.name}); behind-counts are not known`);
  } else if (!own && v.rc === null) notes.push(`${name} is not in the release data`);

  const affected: Finding[] = [];
  for (const record of index.records) {
    const finding = options.assess ? options.assess(record) : toFinding(record, v);
    if (finding) affected.push(finding);
  }
  sortFindings(affected);

  const newer = latest ? onBranch.filter((r) => compareKernelVersions(r.version, v) > 0) : [];
  const fixCounts = new Map<string, number>();
  let fixedByLatest = 0;
  let fixedByNewerRelease = 0;
  const bySeverity: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, none: 0, unscored: 0 };
  for (const f of affected) {
    bySeverity[f.severity ?? 'unscored']++;
    if (f.fixedOnBranch === null) continue;
    const fixRelease = releases.byName.get(f.fixedOnBranch);
    if (!fixRelease) continue;
    fixedByNewerRelease++;
    if (latest && compareKernelVersions(fixRelease.version, latest.version) <= 0) fixedByLatest++;
    fixCounts.set(f.fixedOnBranch, (fixCounts.get(f.fixedOnBranch) ?? 0) + 1);
  }
  let biggest: { version: string; fixes: number } | null = null;
  for (const r of newer) {
    const fixes = fixCounts.get(r.name) ?? 0;
    if (fixes > 0 && (biggest === null || fixes > biggest.fixes)) biggest = { version: r.name, fixes };
  }
  const behindKnown = latest !== null && compareKernelVersions(v, latest.version) <= 0;
  return {
    version: name,
    branch,
    versionDate: own?.date ?? null,
    branchLatest: latest ? { version: latest.name, date: latest.date } : null,
    releasesBehind: behindKnown ? newer.length : null,
    daysBehind: behindKnown && own?.date && latest?.date ? daysBetween(own.date, latest.date) : null,
    summary: {
      affected: affected.length,
      fixedByNewerRelease,
      fixedByLatest,
      biggestFixRelease: biggest,
      noFixOnBranch: affected.filter((f) => f.fixedOnBranch === null).length,
      ambiguous: affected.filter((f) => f.ambiguous).length,
      bySeverity,
    },
    affected,
    notes,
    snapshot: {
      vulnsCommit: index.vulnsCommit,
      vulnsCommitDate: index.vulnsCommitDate,
      releasesAsOf: releases.newestDate,
      records: options.totals?.records ?? index.records.length,
      recordProblems: options.totals?.recordProblems ?? index.problems.length,
    },
  };
}
