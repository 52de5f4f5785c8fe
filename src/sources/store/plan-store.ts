/** The fleet's plans: one row per `kgap fleet plan` of a product, the record kept as its JSON document. */
import type { Kysely } from 'kysely';
import type { NewPlan, PlanHeadline, StoredPlan, StoredPlanOutcome } from '../../domain/fleet-plan.js';
import type { FleetDatabase } from './fleet-schema.js';
import { bumpRevision } from './write-scan.js';

type Db = Kysely<FleetDatabase>;
type PlanRow = FleetDatabase['plans'];

const HEADLINE_COLUMNS = [
  'id',
  'product_id',
  'planned_at',
  'outcome',
  'rev',
  'rev_commit',
  'from_version',
  'to_version',
  'fates',
  'verdict',
] as const;

function headlineOf(row: Omit<PlanRow, 'id' | 'record'> & { id: number }): PlanHeadline {
  return {
    id: row.id,
    productId: row.product_id,
    plannedAt: row.planned_at,
    outcome: row.outcome as StoredPlanOutcome,
    rev: row.rev,
    revCommit: row.rev_commit,
    from: row.from_version,
    to: row.to_version,
    fates: row.fates === null ? null : JSON.parse(row.fates),
    verdict: row.verdict,
  };
}

/** Records one plan in one transaction (a write transaction like every other: the revision first). */
export function recordPlan(db: Db, plan: NewPlan): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await bumpRevision(trx);
    const { id } = await trx
      .insertInto('plans')
      .values({
        product_id: plan.productId,
        planned_at: plan.plannedAt,
        outcome: plan.outcome,
        rev: plan.rev,
        rev_commit: plan.revCommit,
        from_version: plan.from,
        to_version: plan.to,
        fates: plan.fates === null ? null : JSON.stringify(plan.fates),
        verdict: plan.verdict,
        record: plan.record,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

/** The newest plan of each product, records left out (a fleet table needs the headline only). */
export async function readLatestPlans(db: Db): Promise<PlanHeadline[]> {
  const latest = db
    .selectFrom('plans')
    .select((eb) => eb.fn.max('id').as('id'))
    .groupBy('product_id');
  const rows = await db
    .selectFrom('plans')
    .select(HEADLINE_COLUMNS)
    .where('id', 'in', latest)
    .orderBy('product_id')
    .execute();
  return rows.map(headlineOf);
}

/** A product's newest plan with its record. */
export async function readLatestPlan(db: Db, productId: number): Promise<StoredPlan | null> {
  const row = await db
    .selectFrom('plans')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...headlineOf(row), record: row.record } : null;
}
