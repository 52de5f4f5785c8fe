import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { FleetDatabase } from './fleet-schema.js';

/**
 * The embedded engine: one SQLite file. WAL lets the server read while a scan writes; `busy_timeout` makes a
 * second writer wait instead of failing; `synchronous=NORMAL` in WAL mode loses nothing when the process is
 * killed (only a power cut can drop the last commits, never tear one).
 */
export function openSqliteDb(path: string): Kysely<FleetDatabase> {
  let database: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    database = new Database(path);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 30000');
    database.pragma('foreign_keys = ON');
    database.pragma('synchronous = NORMAL');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InvalidInput('db', `${path}: cannot open it as a SQLite database (${detail})`);
  }
  return new Kysely<FleetDatabase>({ dialect: new SqliteDialect({ database }) });
}
