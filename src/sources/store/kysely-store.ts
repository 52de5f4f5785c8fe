/**
 * The fleet store on kysely: one implementation of `FleetStore` for both engines (the dialect is the only
 * difference; see sqlite-engine.ts and postgres-engine.ts).
 */
import type { Kysely } from 'kysely';
import type { FleetEventKind, WebhookFormat } from '../../domain/fleet-event.js';
import type { FleetStore, StoreEngineId } from '../../domain/fleet-store.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { FleetDatabase } from './fleet-schema.js';
import { readGates, recordGate } from './gate-store.js';
import { readLatestPlan, readLatestPlans, recordPlan } from './plan-store.js';
import { readCveExposure, readLatestScans, readScan, readScanFindings, readScanHistory } from './read-scans.js';
import { productOf, productRowOf } from './store-rows.js';
import { bumpRevision, recordScan, writeBranchVerdicts } from './write-scan.js';

/** The `FleetStore` over an open, migrated kysely instance; `close` releases the engine's connections. */
export function kyselyFleetStore(options: {
  readonly db: Kysely<FleetDatabase>;
  readonly engine: StoreEngineId;
  readonly location: string;
  readonly schemaVersion: number;
}): FleetStore {
  const { db } = options;
  return {
    engine: options.engine,
    location: options.location,
    schemaVersion: options.schemaVersion,

    addProduct: (spec, addedAt) =>
      db.transaction().execute(async (trx) => {
        await bumpRevision(trx);
        const taken = await trx.selectFrom('products').select('id').where('name', '=', spec.name).executeTakeFirst();
        if (taken) {
          throw new InvalidInput(
            'name',
            `${spec.name} is already in the fleet (remove it first, or pick another name)`,
          );
        }
        const { id } = await trx
          .insertInto('products')
          .values(productRowOf(spec, addedAt))
          .returning('id')
          .executeTakeFirstOrThrow();
        return { ...spec, id, addedAt };
      }),
    removeProduct: (name) =>
      db.transaction().execute(async (trx) => {
        await bumpRevision(trx);
        const r = await trx.deleteFrom('products').where('name', '=', name).executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      }),
    listProducts: async () => (await db.selectFrom('products').selectAll().orderBy('name').execute()).map(productOf),
    findProduct: async (name) => {
      const row = await db.selectFrom('products').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? productOf(row) : null;
    },

    hasBranchVerdicts: async (snapshot, branch) => {
      const row = await db
        .selectFrom('branch_loads')
        .innerJoin('snapshots', 'snapshots.id', 'branch_loads.snapshot_id')
        .select('branch_loads.branch')
        .where('snapshots.vulns_commit', '=', snapshot.vulnsCommit)
        .where('snapshots.rules', '=', snapshot.rules)
        .where('branch_loads.branch', '=', branch)
        .executeTakeFirst();
      return row !== undefined;
    },
    writeBranchVerdicts: (set) => writeBranchVerdicts(db, set),
    recordScan: (scan) => recordScan(db, scan),
    latestScans: () => readLatestScans(db),
    scanHistory: (productId) => readScanHistory(db, productId),
    findScan: (scanId) => readScan(db, scanId),
    scanFindings: (scanId) => readScanFindings(db, scanId),
    cveExposure: (cveId) => readCveExposure(db, cveId),
    recordPlan: (plan) => recordPlan(db, plan),
    latestPlans: () => readLatestPlans(db),
    latestPlan: (productId) => readLatestPlan(db, productId),
    recordGate: (gate) => recordGate(db, gate),
    gates: (productId, limit) => readGates(db, productId, limit),
    revision: async () => {
      const row = await db.selectFrom('kgap_meta').select('value').where('key', '=', 'revision').executeTakeFirst();
      return Number(row?.value ?? 0);
    },

    addWebhook: (url, format, addedAt) =>
      db.transaction().execute(async (trx) => {
        await bumpRevision(trx);
        const taken = await trx.selectFrom('webhooks').select('id').where('url', '=', url).executeTakeFirst();
        if (taken) throw new InvalidInput('url', `${url} is already a webhook of the fleet (id ${taken.id})`);
        const { id } = await trx
          .insertInto('webhooks')
          .values({ url, format, added_at: addedAt })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id, url, format, addedAt };
      }),
    removeWebhook: (id) =>
      db.transaction().execute(async (trx) => {
        await bumpRevision(trx);
        const r = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      }),
    listWebhooks: async () =>
      (await db.selectFrom('webhooks').selectAll().orderBy('id').execute()).map((w) => ({
        id: w.id,
        url: w.url,
        format: w.format as WebhookFormat,
        addedAt: w.added_at,
      })),
    listDeliveries: async ({ pendingOnly, limit }) => {
      let q = db
        .selectFrom('deliveries as d')
        .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
        .selectAll('d')
        .select(['w.url', 'w.format'])
        .orderBy('d.id', 'desc')
        .limit(limit);
      if (pendingOnly) q = q.where('d.status', '=', 'pending');
      return (await q.execute()).map((d) => ({
        id: d.id,
        webhookId: d.webhook_id,
        url: d.url,
        format: d.format as WebhookFormat,
        scanId: d.scan_id,
        event: d.event as FleetEventKind,
        payload: d.payload,
        status: d.status as 'pending' | 'delivered' | 'failed',
        attempts: d.attempts,
        lastError: d.last_error,
        createdAt: d.created_at,
        deliveredAt: d.delivered_at,
      }));
    },
    recordDeliveryAttempt: async (id, attempt) => {
      await db
        .updateTable('deliveries')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          status: attempt.outcome === 'delivered' ? 'delivered' : attempt.outcome === 'failed' ? 'failed' : 'pending',
          last_error: attempt.outcome === 'delivered' ? null : attempt.error,
          delivered_at: attempt.outcome === 'delivered' ? attempt.at : null,
        }))
        .where('id', '=', id)
        .execute();
    },

    close: () => db.destroy(),
  };
}
