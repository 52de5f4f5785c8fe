import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { FleetDatabase } from './fleet-schema.js';

/** A PostgreSQL URL with its password hidden, for messages and reports. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

/** The team engine: a PostgreSQL database reached by URL, through a small connection pool. */
export function openPostgresDb(url: string): Kysely<FleetDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server (a restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return new Kysely<FleetDatabase>({ dialect: new PostgresDialect({ pool }) });
}
