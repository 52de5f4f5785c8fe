import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import type { StoreEngineId } from '../../domain/fleet-store.js';
import { UserError } from '../../domain/invalid-input.js';
import type { FleetDatabase } from './fleet-schema.js';
import { fleetMigrations } from './migrations.js';

const MIGRATION_TABLE = 'kgap_migration';

/** The schema version a migration name brings (`0003-…` -> 3). */
const versionOf = (name: string) => Number.parseInt(name.slice(0, 4), 10);

/**
 * Brings the database to the schema this kgap knows, applying the missing migrations in order (kysely's
 * migrator, under its lock: two processes opening a new database at once apply each migration once). A database
 * migrated by a newer kgap is refused before anything is touched: an older tool must not write to a schema it
 * does not know. Returns the schema version.
 */
export async function migrateFleetStore(
  db: Kysely<FleetDatabase>,
  engine: StoreEngineId,
  location: string,
): Promise<number> {
  const migrations = fleetMigrations(engine);
  const known = Object.keys(migrations).sort();
  const latest = versionOf(known.at(-1) ?? '0000');
  const tables = await db.introspection.getTables();
  if (tables.some((t) => t.name === MIGRATION_TABLE)) {
    // biome-ignore lint/suspicious/noExplicitAny: kysely's own bookkeeping table is not part of the schema type.
    const rows = await (db as Kysely<any>).selectFrom(MIGRATION_TABLE).select('name').execute();
    const applied = rows.map((r: { name: string }) => r.name);
    const unknown = applied.filter((n: string) => !known.includes(n)).sort();
    if (unknown.length > 0) {
      const theirs = Math.max(...applied.map(versionOf));
      throw new UserError(
        `the fleet database ${location} has schema version ${theirs}, newer than this kgap knows (${latest}); upgrade kgap to use it`,
      );
    }
  }
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UserError(`cannot prepare the fleet database ${location}: ${detail}`);
  }
  return latest;
}
