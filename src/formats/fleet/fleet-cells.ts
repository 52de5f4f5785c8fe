/** The cells and JSON objects every fleet report shares: a product, a scan's summary, a finding. */
import { describePlan, type PlanHeadline } from '../../domain/fleet-plan.js';
import { describeKernel, type Product } from '../../domain/fleet-product.js';
import type { Scan, ScanFinding } from '../../domain/fleet-scan.js';

export const dash = (v: string | number | null | undefined) => (v === null || v === undefined ? '-' : String(v));

/** `13 / 111d`: releases and days behind the branch's newest release. */
export function behindCell(scan: Scan | null): string {
  if (!scan || scan.summary.releasesBehind === null) return '-';
  return `${scan.summary.releasesBehind} / ${dash(scan.summary.daysBehind)}d`;
}

export const highCritical = (scan: Scan) => scan.summary.bySeverity.high + scan.summary.bySeverity.critical;

export const scoreCell = (scan: Scan | null) =>
  scan?.hardening?.score === null || scan?.hardening?.score === undefined ? '-' : `${scan.hardening.score.toFixed(1)}%`;

export const builtCell = (scan: Scan | null) => dash(scan?.summary.relevance?.built);

/** The columns of a scan's headline, shared by the fleet table and a product's history. */
export const SCAN_HEADER = ['VERSION', 'LATEST', 'BEHIND', 'CVES', 'BUILT', 'HIGH/CRIT'] as const;

/** A scan's headline under `SCAN_HEADER`; without a scan, the kernel as configured and dashes. */
export function scanCells(scan: Scan | null, kernel: Product['kernel']): string[] {
  if (!scan) return [describeKernel(kernel), ...SCAN_HEADER.slice(1).map(() => '-')];
  return [
    scan.summary.version,
    dash(scan.summary.branchLatest),
    behindCell(scan),
    String(scan.summary.affected),
    builtCell(scan),
    String(highCritical(scan)),
  ];
}

/** A finding's evidence in one line: the tree evidence, else the relevance reason, else the rule. */
export function evidenceCell(f: ScanFinding): string {
  if (f.evidence)
    return `${f.evidence.kind}${f.evidence.commit ? ` ${f.evidence.commit.slice(0, 12)}` : ''}: ${f.evidence.detail}`;
  return f.relevance ? f.relevance.reason : `rule ${f.rule}`;
}

export function productJson(p: Product) {
  return {
    name: p.name,
    kernel: p.kernel.kind === 'version' ? { version: p.kernel.version } : { tree: p.kernel.path, rev: p.kernel.rev },
    config: p.config,
    source: p.source,
    buildDir: p.buildDir,
    arch: p.arch,
    supportUntil: p.supportUntil,
    addedAt: p.addedAt,
  };
}

export function scanJson(s: Scan) {
  return {
    id: s.id,
    scannedAt: s.scannedAt,
    jobId: s.jobId,
    snapshot: s.snapshot,
    summary: s.summary,
    hardening: s.hardening,
    warnings: s.warnings,
  };
}

export function findingJson(f: ScanFinding) {
  return {
    id: f.id,
    title: f.title,
    cvss: f.cvss,
    severity: f.severity,
    published: f.published,
    fixedOnBranch: f.fixedOnBranch,
    fixedUpstream: f.fixedUpstream,
    ambiguous: f.ambiguous,
    ambiguousReason: f.ambiguousReason,
    rule: f.rule,
    programFiles: f.programFiles,
    relevance: f.relevance,
    evidence: f.evidence,
  };
}

/** `update ready: 6.1.130, 12 conflicts`, `up to date`, or `-` when never planned. */
export const planCell = (plan: PlanHeadline | null) => (plan ? describePlan(plan) : '-');

/** A plan's headline as JSON (the record is served on its own: `GET /api/v1/products/{name}/plan`). */
export function planJson(p: PlanHeadline) {
  return {
    id: p.id,
    plannedAt: p.plannedAt,
    outcome: p.outcome,
    rev: p.rev,
    revCommit: p.revCommit,
    from: p.from,
    to: p.to,
    fates: p.fates,
    verdict: p.verdict,
  };
}

export { describeKernel };
