/**
 * The fleet schema's versioned migrations, the same for both engines (only the auto-increment id differs).
 * Applied in order on open; a migration, once released, is never edited: a change is a new entry at the end.
 * The schema version is the number of migrations applied.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreEngineId } from '../../domain/fleet-store.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run on the schema as it was then, not on today's types.
type AnyDb = Kysely<any>;

/** An auto-increment integer primary key: `serial` on PostgreSQL, SQLite's rowid alias otherwise. */
function idType(engine: StoreEngineId) {
  return engine === 'postgres' ? ('serial' as const) : ('integer' as const);
}

/** `create table NAME` with the auto-increment `id` primary key of the engine. */
function tableWithId(db: AnyDb, engine: StoreEngineId, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('id', idType(engine), (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()));
}

async function initial(db: AnyDb, engine: StoreEngineId): Promise<void> {
  const withId = (name: string) => tableWithId(db, engine, name);
  await db.schema
    .createTable('kgap_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('kgap_meta').values({ key: 'revision', value: 0 }).execute();
  await withId('products')
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('tree', 'text')
    .addColumn('rev', 'text')
    .addColumn('config', 'text')
    .addColumn('source', 'text')
    .addColumn('build_dir', 'text')
    .addColumn('arch', 'text')
    .addColumn('support_until', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await withId('snapshots')
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('vulns_commit', 'text', (c) => c.notNull())
    .addColumn('vulns_commit_date', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('record_problems', 'integer', (c) => c.notNull())
    .addColumn('rules', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cve_records')
    .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('snapshots.id').onDelete('cascade'))
    .addColumn('cve_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('published', 'text', (c) => c.notNull())
    .addColumn('cvss', 'double precision')
    .addColumn('severity', 'text')
    .addColumn('program_files', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cve_records_pk', ['snapshot_id', 'cve_id'])
    .execute();
  await db.schema
    .createTable('branch_spans')
    .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('snapshots.id').onDelete('cascade'))
    .addColumn('branch', 'text', (c) => c.notNull())
    .addColumn('cve_id', 'text', (c) => c.notNull())
    .addColumn('from_sub', 'integer', (c) => c.notNull())
    .addColumn('to_sub', 'integer')
    .addColumn('fixed_on_branch', 'text')
    .addColumn('fixed_upstream', 'text')
    .addColumn('ambiguous', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('branch_spans_pk', ['snapshot_id', 'branch', 'cve_id', 'from_sub'])
    .execute();
  await db.schema.createIndex('branch_spans_cve').on('branch_spans').columns(['cve_id', 'snapshot_id']).execute();
  await db.schema
    .createTable('branch_loads')
    .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('snapshots.id').onDelete('cascade'))
    .addColumn('branch', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('branch_loads_pk', ['snapshot_id', 'branch'])
    .execute();
  await withId('scans')
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('job_id', 'text', (c) => c.unique())
    .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('snapshots.id'))
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('releases_as_of', 'text')
    .addColumn('verdicts', 'text', (c) => c.notNull())
    .addColumn('branch', 'text', (c) => c.notNull())
    .addColumn('sublevel', 'integer')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('hardening', 'text')
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('affected', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scans_product').on('scans').columns(['product_id', 'id']).execute();
  for (const table of ['scan_findings', 'scan_relevance'] as const) {
    let t = db.schema
      .createTable(table)
      .addColumn('scan_id', 'integer', (c) => c.notNull().references('scans.id').onDelete('cascade'))
      .addColumn('cve_id', 'text', (c) => c.notNull());
    t =
      table === 'scan_findings'
        ? t
            .addColumn('fixed_on_branch', 'text')
            .addColumn('fixed_upstream', 'text')
            .addColumn('ambiguous', 'integer', (c) => c.notNull())
            .addColumn('rule', 'text', (c) => c.notNull())
            .addColumn('evidence', 'text')
        : t.addColumn('status', 'text', (c) => c.notNull()).addColumn('reason', 'text', (c) => c.notNull());
    await t.addPrimaryKeyConstraint(`${table}_pk`, ['scan_id', 'cve_id']).execute();
    await db.schema.createIndex(`${table}_cve`).on(table).columns(['cve_id']).execute();
  }
  await withId('webhooks')
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await withId('deliveries')
    .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('scan_id', 'integer', (c) => c.references('scans.id').onDelete('set null'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('deliveries_status').on('deliveries').columns(['status', 'id']).execute();
}

/**
 * Runs a migration in one transaction on both engines. kysely wraps migrations in a transaction on PostgreSQL only
 * (its SQLite adapter says SQLite has no transactional DDL, which it has): on SQLite the migration opens its own,
 * so a process killed mid-migration leaves the schema as it was. Its first statement is a write, as in every write
 * transaction of the store (write-scan.ts): SQLite's write lock is taken before anything is read.
 */
async function transactional(db: AnyDb, engine: StoreEngineId, up: (trx: AnyDb) => Promise<void>): Promise<void> {
  const run = async (trx: AnyDb) => {
    await trx
      .updateTable('kgap_meta')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('key', '=', 'revision')
      .execute();
    await up(trx);
  };
  if (engine === 'postgres') await run(db);
  else await db.transaction().execute(run);
}

/**
 * Schema 2: the products' plans (`kgap fleet plan`), and each finding's `ambiguousReason` (docs/json-status.md)
 * beside `ambiguous`. Every branch's verdicts are marked for rewriting (`branch_loads` emptied): the next scan
 * writes the reasons into the shared spans of its snapshot (an upsert); the findings of a tree or rc scan made
 * before keep a null reason. Safe to run again: on SQLite kysely records the migration after this transaction
 * commits, so a kill in between runs it a second time.
 */
async function plansAndReasons(db: AnyDb, engine: StoreEngineId): Promise<void> {
  await tableWithId(db, engine, 'plans')
    .ifNotExists()
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('planned_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rev', 'text', (c) => c.notNull())
    .addColumn('rev_commit', 'text')
    .addColumn('from_version', 'text', (c) => c.notNull())
    .addColumn('to_version', 'text')
    .addColumn('fates', 'text')
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('record', 'text')
    .execute();
  await db.schema.createIndex('plans_product').ifNotExists().on('plans').columns(['product_id', 'id']).execute();
  const tables = await db.introspection.getTables();
  for (const table of ['branch_spans', 'scan_findings']) {
    const columns = tables.find((t) => t.name === table)?.columns ?? [];
    if (!columns.some((c) => c.name === 'ambiguous_reason'))
      await db.schema.alterTable(table).addColumn('ambiguous_reason', 'text').execute();
  }
  await db.deleteFrom('branch_loads').execute();
}

/**
 * Schema 3: the products' gate results (`kgap fleet gate`), which a product's plan shows. Safe to run again (see
 * schema 2).
 */
async function gates(db: AnyDb, engine: StoreEngineId): Promise<void> {
  await tableWithId(db, engine, 'gates')
    .ifNotExists()
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text', (c) => c.notNull())
    .addColumn('candidate', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gates_product').ifNotExists().on('gates').columns(['product_id', 'id']).execute();
}

/** The migrations, in order, named `NNNN-what`: the number is the schema version it brings. */
export function fleetMigrations(engine: StoreEngineId): Record<string, Migration> {
  return {
    '0001-fleet': { up: (db) => initial(db, engine) },
    '0002-plans-ambiguous-reason': { up: (db) => transactional(db, engine, (trx) => plansAndReasons(trx, engine)) },
    '0003-gates': { up: (db) => transactional(db, engine, (trx) => gates(trx, engine)) },
  };
}
