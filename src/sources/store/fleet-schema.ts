/**
 * The fleet database's tables as kysely sees them: the same on SQLite and PostgreSQL (migrations.ts creates
 * them). Booleans are 0/1 integers and JSON is text on both engines, so rows read back the same.
 */
import type { Generated } from 'kysely';

export type FleetDatabase = {
  kgap_meta: { key: string; value: number };
  products: {
    id: Generated<number>;
    name: string;
    kind: string;
    version: string | null;
    tree: string | null;
    rev: string | null;
    config: string | null;
    source: string | null;
    build_dir: string | null;
    arch: string | null;
    support_until: string | null;
    added_at: string;
  };
  /** One row per (vulns commit, rules version): the verdict data, shared by every scan that used it. */
  snapshots: {
    id: Generated<number>;
    key: string;
    vulns_commit: string;
    vulns_commit_date: string;
    records: number;
    record_problems: number;
    rules: number;
  };
  cve_records: {
    snapshot_id: number;
    cve_id: string;
    title: string;
    published: string;
    cvss: number | null;
    severity: string | null;
    program_files: string;
  };
  /** A branch's verdicts at a snapshot; `branch_loads` marks the set complete. */
  branch_spans: {
    snapshot_id: number;
    branch: string;
    cve_id: string;
    from_sub: number;
    to_sub: number | null;
    fixed_on_branch: string | null;
    fixed_upstream: string | null;
    ambiguous: number;
    /** Since schema 2; null in rows written before (see migrations.ts). */
    ambiguous_reason: string | null;
    rule: string;
  };
  branch_loads: { snapshot_id: number; branch: string };
  scans: {
    id: Generated<number>;
    product_id: number;
    job_id: string | null;
    snapshot_id: number;
    scanned_at: string;
    releases_as_of: string | null;
    verdicts: string;
    branch: string;
    sublevel: number | null;
    summary: string;
    hardening: string | null;
    warnings: string;
    affected: number;
  };
  scan_findings: {
    scan_id: number;
    cve_id: string;
    fixed_on_branch: string | null;
    fixed_upstream: string | null;
    ambiguous: number;
    /** Since schema 2; null in rows written before. */
    ambiguous_reason: string | null;
    rule: string;
    evidence: string | null;
  };
  scan_relevance: { scan_id: number; cve_id: string; status: string; reason: string };
  /** A product's plans (schema 2): the record is the `kgap plan --format json` document. */
  plans: {
    id: Generated<number>;
    product_id: number;
    planned_at: string;
    outcome: string;
    rev: string;
    rev_commit: string | null;
    from_version: string;
    to_version: string | null;
    /** Vendor patches per fate, JSON; null when up to date. */
    fates: string | null;
    verdict: string;
    record: string | null;
  };
  /** A product's recorded gate runs (schema 3); counts and reasons are JSON. */
  gates: {
    id: Generated<number>;
    product_id: number;
    recorded_at: string;
    as_of: string;
    verdict: string;
    baseline: string;
    candidate: string;
    counts: string;
    reasons: string;
  };
  webhooks: { id: Generated<number>; url: string; format: string; added_at: string };
  deliveries: {
    id: Generated<number>;
    webhook_id: number;
    scan_id: number | null;
    event: string;
    payload: string;
    status: string;
    attempts: number;
    last_error: string | null;
    created_at: string;
    delivered_at: string | null;
  };
};
