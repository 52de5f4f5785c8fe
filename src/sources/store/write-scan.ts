/** The fleet's write transactions: a branch's verdicts at a snapshot, and one scan with its findings. */
import type { Kysely, Transaction } from 'kysely';
import type { ScanSnapshot } from '../../domain/fleet-scan.js';
import type { BranchVerdictSet, NewScan } from '../../domain/fleet-store.js';
import type { FleetDatabase } from './fleet-schema.js';
import { batches, cveRowOf, snapshotKey } from './store-rows.js';

type Trx = Transaction<FleetDatabase>;

/**
 * Bumps the revision readers cache on. It is each write transaction's first statement on purpose: on SQLite it
 * takes the write lock at the start (waiting on `busy_timeout`), so a transaction never fails half-way because
 * another process wrote in between.
 */
export async function bumpRevision(trx: Trx): Promise<void> {
  await trx
    .updateTable('kgap_meta')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('key', '=', 'revision')
    .execute();
}

/** The id of a snapshot's row, inserting it the first time. */
async function snapshotId(trx: Trx, s: ScanSnapshot): Promise<number> {
  const key = snapshotKey(s);
  await trx
    .insertInto('snapshots')
    .values({
      key,
      vulns_commit: s.vulnsCommit,
      vulns_commit_date: s.vulnsCommitDate,
      records: s.records,
      record_problems: s.recordProblems,
      rules: s.rules,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await trx.selectFrom('snapshots').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

async function insertRecords(trx: Trx, id: number, records: BranchVerdictSet['records']): Promise<void> {
  for (const batch of batches(records.map((r) => cveRowOf(id, r)))) {
    await trx
      .insertInto('cve_records')
      .values(batch)
      .onConflict((oc) => oc.columns(['snapshot_id', 'cve_id']).doNothing())
      .execute();
  }
}

/** Stores a branch's verdicts at a snapshot once; a second writer (another worker) changes nothing. */
export async function writeBranchVerdicts(db: Kysely<FleetDatabase>, set: BranchVerdictSet): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const id = await snapshotId(trx, set.snapshot);
    const loaded = await trx
      .selectFrom('branch_loads')
      .select('branch')
      .where('snapshot_id', '=', id)
      .where('branch', '=', set.branch)
      .executeTakeFirst();
    if (loaded) return;
    await insertRecords(trx, id, set.records);
    const rows = set.spans.map((s) => ({
      snapshot_id: id,
      branch: set.branch,
      cve_id: s.id,
      from_sub: s.from,
      to_sub: s.to,
      fixed_on_branch: s.fixedOnBranch,
      fixed_upstream: s.fixedUpstream,
      ambiguous: s.ambiguous ? 1 : 0,
      ambiguous_reason: s.ambiguousReason,
      rule: s.rule,
    }));
    // Spans stored before schema 2 lack the reason (the migration emptied branch_loads): this write adds it. The
    // verdicts are the same: they depend on the snapshot and the rules version only.
    for (const batch of batches(rows)) {
      await trx
        .insertInto('branch_spans')
        .values(batch)
        .onConflict((oc) =>
          oc
            .columns(['snapshot_id', 'branch', 'cve_id', 'from_sub'])
            .doUpdateSet((eb) => ({ ambiguous_reason: eb.ref('excluded.ambiguous_reason') })),
        )
        .execute();
    }
    await trx
      .insertInto('branch_loads')
      .values({ snapshot_id: id, branch: set.branch })
      .onConflict((oc) => oc.columns(['snapshot_id', 'branch']).doNothing())
      .execute();
  });
}

async function scanOfJob(db: Kysely<FleetDatabase> | Trx, jobId: string): Promise<number | null> {
  const row = await db.selectFrom('scans').select('id').where('job_id', '=', jobId).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Records one scan, its own findings, its relevance rows and its outbox deliveries in one transaction. A job
 * recorded before (a retried job whose first worker died after committing) records nothing: done once.
 */
export async function recordScan(
  db: Kysely<FleetDatabase>,
  scan: NewScan,
): Promise<{ readonly scanId: number; readonly recorded: boolean }> {
  try {
    return await db.transaction().execute(async (trx) => {
      await bumpRevision(trx);
      const done = scan.jobId === null ? null : await scanOfJob(trx, scan.jobId);
      if (done !== null) return { scanId: done, recorded: false };
      const snapshot = await snapshotId(trx, scan.snapshot);
      const v = scan.verdicts;
      if (v.kind === 'own') await insertRecords(trx, snapshot, v.records);
      const { id } = await trx
        .insertInto('scans')
        .values({
          product_id: scan.productId,
          job_id: scan.jobId,
          snapshot_id: snapshot,
          scanned_at: scan.scannedAt,
          releases_as_of: scan.snapshot.releasesAsOf,
          verdicts: v.kind,
          branch: scan.summary.branch,
          sublevel: v.kind === 'branch' ? v.sublevel : null,
          summary: JSON.stringify(scan.summary),
          hardening: scan.hardening === null ? null : JSON.stringify(scan.hardening),
          warnings: JSON.stringify(scan.warnings),
          affected: scan.summary.affected,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (v.kind === 'own') {
        const rows = v.findings.map((f) => ({
          scan_id: id,
          cve_id: f.id,
          fixed_on_branch: f.fixedOnBranch,
          fixed_upstream: f.fixedUpstream,
          ambiguous: f.ambiguous ? 1 : 0,
          ambiguous_reason: f.ambiguousReason,
          rule: f.rule,
          evidence: f.evidence === null ? null : JSON.stringify(f.evidence),
        }));
        for (const batch of batches(rows)) await trx.insertInto('scan_findings').values(batch).execute();
      }
      const relevance = (scan.relevance ?? []).map((r) => ({
        scan_id: id,
        cve_id: r.id,
        status: r.status,
        reason: r.reason,
      }));
      for (const batch of batches(relevance)) await trx.insertInto('scan_relevance').values(batch).execute();
      for (const d of scan.deliveries) {
        await trx
          .insertInto('deliveries')
          .values({
            webhook_id: d.webhookId,
            scan_id: id,
            event: d.event,
            payload: d.payload,
            status: 'pending',
            attempts: 0,
            last_error: null,
            created_at: scan.scannedAt,
            delivered_at: null,
          })
          .execute();
      }
      return { scanId: id, recorded: true };
    });
  } catch (error) {
    // Two workers that both took the same job (the first was thought dead): the unique job id lets one commit.
    const done = scan.jobId === null ? null : await scanOfJob(db, scan.jobId);
    if (done !== null) return { scanId: done, recorded: false };
    throw error;
  }
}
