/** The fleet's gate results: one row per `kgap fleet gate` of a product, counts and reasons as JSON. */
import type { Kysely } from 'kysely';
import type { NewGate, StoredGate } from '../../domain/fleet-gate.js';
import type { Verdict } from '../../domain/gate-assessment.js';
import type { FleetDatabase } from './fleet-schema.js';
import { bumpRevision } from './write-scan.js';

type Db = Kysely<FleetDatabase>;

/** Records one gate run in one transaction (the revision first, as every write). */
export function recordGate(db: Db, gate: NewGate): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await bumpRevision(trx);
    const { id } = await trx
      .insertInto('gates')
      .values({
        product_id: gate.productId,
        recorded_at: gate.recordedAt,
        as_of: gate.asOf,
        verdict: gate.verdict,
        baseline: gate.baseline,
        candidate: gate.candidate,
        counts: JSON.stringify(gate.counts),
        reasons: JSON.stringify(gate.reasons),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

/** A product's gate runs, newest first (by id: the order they were recorded in); at most `limit` when given. */
export async function readGates(db: Db, productId: number, limit: number | null): Promise<StoredGate[]> {
  let q = db.selectFrom('gates').selectAll().where('product_id', '=', productId).orderBy('id', 'desc');
  if (limit !== null) q = q.limit(limit);
  return (await q.execute()).map((row) => ({
    id: row.id,
    productId: row.product_id,
    recordedAt: row.recorded_at,
    asOf: row.as_of,
    verdict: row.verdict as Verdict,
    baseline: row.baseline,
    candidate: row.candidate,
    counts: JSON.parse(row.counts),
    reasons: JSON.parse(row.reasons),
  }));
}
