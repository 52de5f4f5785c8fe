import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { fleetContract } from './helpers/fleet-contract.js';
import { fleetFixture } from './helpers/fleet-fixture.js';
import { fleetGateContract } from './helpers/fleet-gate-contract.js';
import { REAL_DATA_SKIP_REASON } from './helpers/real-index.js';

describe('fleet on SQLite (a database file on disk)', async () => {
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-fleet-sqlite-'));
  let n = 0;
  const engine = {
    newDb: async () => join(dir, `fleet-${++n}.db`),
    sql: async (db: string, text: string) => {
      const d = new Database(db);
      try {
        const stmt = d.prepare(text);
        if (stmt.reader) return stmt.all() as Record<string, unknown>[];
        stmt.run();
        return [];
      } finally {
        d.close();
      }
    },
  };
  await fleetContract(engine);
  fleetGateContract(engine);
});

describe('fleet scan on several threads', async () => {
  const fx = await fleetFixture();
  it('records the same scans as one thread', { skip: fx ? false : REAL_DATA_SKIP_REASON, timeout: 300_000 }, () => {
    if (!fx) return;
    const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-threads-'));
    const views: string[] = [];
    for (const threads of ['1', '2']) {
      const db = join(dir, `fleet-${threads}.db`);
      for (const [i, branch] of ['6.1', '6.6', '5.15'].entries()) {
        for (let n = 0; n < 8; n++) {
          assert.equal(fx.kgap(db, ['fleet', 'add', `p${i}-${n}`, '--version', `${branch}.${100 + n}`]).code, 0);
        }
      }
      const r = fx.kgap(db, ['fleet', 'scan', '--threads', threads, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).scanned.length, 24);
      const list = fx.kgap(db, ['fleet', 'list', '--format', 'json']).stdout;
      views.push(list.replace(/"(scannedAt|addedAt)": "[^"]+"/g, '"$1": "-"').replace(/"id": \d+/g, '"id": 0'));
    }
    assert.equal(views[1], views[0]);
  });
});
