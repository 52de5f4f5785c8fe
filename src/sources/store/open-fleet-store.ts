/**
 * Opens the fleet store at a location: the engines are a typed table, chosen by the location's form
 * (`postgres://…` or `postgresql://…`: PostgreSQL; anything else: a SQLite file path). The schema is migrated
 * on open; a database newer than this kgap is refused.
 */
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { FleetStore, StoreEngineId } from '../../domain/fleet-store.js';
import { UserError } from '../../domain/invalid-input.js';
import type { FleetDatabase } from './fleet-schema.js';
import { kyselyFleetStore } from './kysely-store.js';
import { migrateFleetStore } from './migrate.js';
import { openPostgresDb, redactUrl } from './postgres-engine.js';
import { openSqliteDb } from './sqlite-engine.js';

type Engine = {
  /** The location as reports print it. */
  readonly describe: (location: string) => string;
  readonly open: (location: string) => Kysely<FleetDatabase>;
};

/** The storage engines. Adding one: a dialect opener here and its id in `STORE_ENGINES`. */
export const storeEngines = {
  sqlite: { describe: (p) => resolve(p), open: (p) => openSqliteDb(resolve(p)) },
  postgres: { describe: redactUrl, open: openPostgresDb },
} satisfies Record<StoreEngineId, Engine>;

/** Which engine a location names. */
export function engineOf(location: string): StoreEngineId {
  return /^postgres(ql)?:\/\//.test(location) ? 'postgres' : 'sqlite';
}

/** Opens (creating and migrating when needed) the fleet store at `location`. */
export async function openFleetStore(location: string): Promise<FleetStore> {
  const engine = engineOf(location);
  const spec: Engine = storeEngines[engine];
  const shown = spec.describe(location);
  const db = spec.open(location);
  try {
    const schemaVersion = await migrateFleetStore(db, engine, shown);
    return kyselyFleetStore({ db, engine, location: shown, schemaVersion });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    if (error instanceof UserError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new UserError(`cannot open the fleet database ${shown}: ${detail}`);
  }
}
