/** Conversions between the fleet's domain types and the rows of fleet-schema.ts (both engines read the same). */
import type { Severity } from '../../domain/cve.js';
import type { Product, ProductSpec } from '../../domain/fleet-product.js';
import type { CveFacts, Scan, ScanFinding, ScanSnapshot, StoredRelevance } from '../../domain/fleet-scan.js';
import type { FleetDatabase } from './fleet-schema.js';

type ProductRow = FleetDatabase['products'];

/** The row of a product spec. */
export function productRowOf(spec: ProductSpec, addedAt: string): Omit<ProductRow, 'id'> {
  const k = spec.kernel;
  return {
    name: spec.name,
    kind: k.kind,
    version: k.kind === 'version' ? k.version : null,
    tree: k.kind === 'tree' ? k.path : null,
    rev: k.kind === 'tree' ? k.rev : null,
    config: spec.config,
    source: spec.source,
    build_dir: spec.buildDir,
    arch: spec.arch,
    support_until: spec.supportUntil,
    added_at: addedAt,
  };
}

/** The product of a row. */
export function productOf(row: Omit<ProductRow, 'id'> & { id: number }): Product {
  return {
    id: row.id,
    name: row.name,
    kernel:
      row.kind === 'tree'
        ? { kind: 'tree', path: row.tree ?? '', rev: row.rev ?? 'HEAD' }
        : { kind: 'version', version: row.version ?? '' },
    config: row.config,
    source: row.source,
    buildDir: row.build_dir,
    arch: row.arch,
    supportUntil: row.support_until,
    addedAt: row.added_at,
  };
}

/** The key a snapshot is stored under: the verdicts depend on the vulns commit and the rules version only. */
export const snapshotKey = (s: ScanSnapshot) => `${s.vulnsCommit}:rules-${s.rules}`;

/** A scan row joined with its snapshot. */
export type ScanJoinRow = Omit<FleetDatabase['scans'], 'id'> & {
  id: number;
  vulns_commit: string;
  vulns_commit_date: string;
  records: number;
  record_problems: number;
  rules: number;
};

export function scanOf(row: ScanJoinRow): Scan {
  return {
    id: row.id,
    productId: row.product_id,
    jobId: row.job_id,
    scannedAt: row.scanned_at,
    snapshot: {
      vulnsCommit: row.vulns_commit,
      vulnsCommitDate: row.vulns_commit_date,
      releasesAsOf: row.releases_as_of,
      records: row.records,
      recordProblems: row.record_problems,
      rules: row.rules,
    },
    summary: JSON.parse(row.summary),
    hardening: row.hardening === null ? null : JSON.parse(row.hardening),
    warnings: JSON.parse(row.warnings),
  };
}

/** The cve_records row of a CVE's facts. */
export function cveRowOf(snapshotId: number, r: CveFacts): FleetDatabase['cve_records'] {
  return {
    snapshot_id: snapshotId,
    cve_id: r.id,
    title: r.title,
    published: r.published,
    cvss: r.cvss,
    severity: r.severity,
    program_files: r.programFiles.join('\n'),
  };
}

/** A finding row (verdict, record facts, relevance) as the reads select it. */
export type FindingJoinRow = Omit<FleetDatabase['scan_findings'], 'scan_id'> & {
  title: string;
  published: string;
  cvss: number | null;
  severity: string | null;
  program_files: string;
  rel_status: string | null;
  rel_reason: string | null;
};

export function findingOfRow(row: FindingJoinRow): ScanFinding {
  return {
    id: row.cve_id,
    title: row.title,
    published: row.published,
    cvss: row.cvss === null ? null : Number(row.cvss),
    severity: row.severity as Severity | null,
    programFiles: row.program_files === '' ? [] : row.program_files.split('\n'),
    fixedOnBranch: row.fixed_on_branch,
    fixedUpstream: row.fixed_upstream,
    ambiguous: row.ambiguous === 1,
    ambiguousReason: row.ambiguous_reason,
    rule: row.rule,
    evidence: row.evidence === null ? null : JSON.parse(row.evidence),
    relevance:
      row.rel_status === null
        ? null
        : { status: row.rel_status as StoredRelevance['status'], reason: row.rel_reason ?? '' },
  };
}

/** Splits rows into batches that stay under both engines' bound-parameter limits. */
export function batches<T>(rows: readonly T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
