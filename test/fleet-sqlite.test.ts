import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import Database from 'better-sqlite3';
import { fleetContract } from './helpers/fleet-contract.js';

describe('fleet on SQLite (a database file on disk)', async () => {
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-fleet-sqlite-'));
  let n = 0;
  await fleetContract({
    newDb: async () => join(dir, `fleet-${++n}.db`),
    sql: async (db, text) => {
      const d = new Database(db);
      try {
        const stmt = d.prepare(text);
        return stmt.reader ? (stmt.all() as Record<string, unknown>[]) : (stmt.run(), []);
      } finally {
        d.close();
      }
    },
  });
});
