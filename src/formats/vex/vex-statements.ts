import type { Finding } from '../../analysis/exposure/assess-exposure.js';
import type { StatusView } from '../../analysis/exposure/plan-status-view.js';
import type { Relevance, RelevanceStatus } from '../../analysis/relevance/assess-relevance.js';
import type { Cvss } from '../../domain/cve.js';
import { compareCveIds } from '../../domain/cve-id.js';
import { compareKernelVersions, parseKernelVersion } from '../../domain/kernel-version.js';

/** The three VEX statuses kgap states (OpenVEX spelling; CycloneDX and CSAF map them, docs/formats.md). */
export const VEX_STATUSES = ['affected', 'not_affected', 'fixed'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

/**
 * One CVE's statement about the product, in kgap's terms: the single mapping from kgap's verdicts to VEX that
 * every VEX and SBOM format renders, so their counts cannot disagree.
 */
export type VexStatement = {
  readonly id: string;
  readonly status: VexStatus;
  /** not_affected: the product does not build the code the fix touched (the relevance's CISA justification). */
  readonly justification: Relevance['justification'];
  /** not_affected: the relevance evidence; fixed: the tree evidence; affected in tree mode: the tree evidence. */
  readonly detail: string | null;
  /** affected: what to do, never naming a release that does not exist. */
  readonly action: string | null;
  /** affected: the released branch version that fixes it (null when no released fix on the branch). */
  readonly fixRelease: string | null;
  /** affected: fixed upstream (mainline or a later branch) in this release. */
  readonly fixedUpstream: string | null;
  /** fixed (tree mode): the product tree's commit that carries the fix. */
  readonly commit: string | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly cvss: Cvss | null;
  /** With a config: whether the product builds the touched code (`built`, `not-built`, `unknown`). */
  readonly relevance: RelevanceStatus | null;
};

/** Is `name` a release on the branch already (at or before the newest release in the data)? */
function isReleased(name: string, latest: string | null): boolean {
  const v = parseKernelVersion(name);
  const l = latest === null ? null : parseKernelVersion(latest);
  return v !== null && l !== null && compareKernelVersions(v, l) <= 0;
}

/**
 * What an affected product should do. A fix release the release data does not list yet (the CVE record names a
 * future stable release) is not offered as an update: the action says it is not out yet.
 */
export function actionOf(f: Finding, view: StatusView): { action: string; fixRelease: string | null } {
  const r = view.report;
  const latest = r.branchLatest?.version ?? null;
  if (f.fixedOnBranch && isReleased(f.fixedOnBranch, latest)) {
    const tail = latest ? ` (latest on ${r.branch}: ${latest})` : '';
    return { action: `Update to Linux ${f.fixedOnBranch} or later${tail}.`, fixRelease: f.fixedOnBranch };
  }
  if (f.fixedOnBranch) {
    return {
      action: `The CVE record names ${f.fixedOnBranch} as the fix on the ${r.branch} branch, which is not released yet (latest known: ${latest ?? 'unknown'}): backport the fix${f.fixedUpstream ? ` (upstream in ${f.fixedUpstream})` : ''} or update once ${f.fixedOnBranch} is out.`,
      fixRelease: null,
    };
  }
  return {
    action: `No release on the ${r.branch} branch fixes it${f.fixedUpstream ? `; fixed upstream in ${f.fixedUpstream}` : ''}: backport the fix or move to a newer branch.`,
    fixRelease: null,
  };
}

function cvssOf(f: Finding): Cvss | null {
  return f.cvss !== null && f.severity !== null && f.cvssVector !== null
    ? { score: f.cvss, vector: f.cvssVector, severity: f.severity }
    : null;
}

function findingStatement(f: Finding, view: StatusView): VexStatement {
  const common = {
    id: f.id,
    fixedUpstream: f.fixedUpstream,
    commit: null,
    title: f.title,
    published: f.published,
    cvss: cvssOf(f),
    relevance: f.relevance?.status ?? null,
  };
  if (f.relevance?.status === 'not-built') {
    // The configuration does not compile the files the fix touched: the vulnerable code is not in the product.
    return {
      ...common,
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
      detail: f.relevance.reason,
      action: null,
      fixRelease: null,
    };
  }
  const { action, fixRelease } = actionOf(f, view);
  return { ...common, status: 'affected', justification: null, detail: f.evidence?.detail ?? null, action, fixRelease };
}

/**
 * The statements of a status view: one per listed finding (affected, or not_affected where the config does not
 * build the code), in the view's order; then, in tree mode, `fixed` for every fix the tree carries ahead of its
 * base release (a version-based scanner would call those affected), by CVE id.
 */
export function planVexStatements(view: StatusView): VexStatement[] {
  const out = view.shown.map((f) => findingStatement(f, view));
  const carried = [...(view.report.tree?.carriedAhead ?? [])].sort((a, b) => compareCveIds(a.id, b.id));
  for (const c of carried) {
    out.push({
      id: c.id,
      status: 'fixed',
      justification: null,
      detail: `the tree carries the fix: commit ${c.commit} (${c.kind})${c.stableRelease ? `; stable has it from ${c.stableRelease}` : ''}`,
      action: null,
      fixRelease: null,
      fixedUpstream: null,
      commit: c.commit,
      title: null,
      published: null,
      cvss: null,
      relevance: null,
    });
  }
  return out;
}

/** How many statements of each status: what every format's counts are checked against. */
export function countVexStatuses(statements: readonly VexStatement[]): Record<VexStatus, number> {
  const counts: Record<VexStatus, number> = { affected: 0, not_affected: 0, fixed: 0 };
  for (const s of statements) counts[s.status]++;
  return counts;
}
