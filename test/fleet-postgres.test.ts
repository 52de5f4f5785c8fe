import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fleetContract } from './helpers/fleet-contract.js';
import { fleetFixture } from './helpers/fleet-fixture.js';
import { fleetGateContract } from './helpers/fleet-gate-contract.js';
import { POSTGRES_SKIP_REASON, pgQuery, startPostgres } from './helpers/postgres.js';
import { REAL_DATA_SKIP_REASON } from './helpers/real-index.js';

describe('fleet on PostgreSQL (a real server started for the test)', async () => {
  const server = await startPostgres();
  after(() => server?.stop());
  if (server === null) {
    it('runs against PostgreSQL', { skip: POSTGRES_SKIP_REASON }, () => undefined);
    return;
  }
  await fleetContract({ newDb: server.newDatabase, sql: pgQuery });
  fleetGateContract({ newDb: server.newDatabase, sql: pgQuery });

  const fx = await fleetFixture();
  it(
    'gives the same results as SQLite for the same products',
    { skip: fx ? false : REAL_DATA_SKIP_REASON, timeout: 300_000 },
    async () => {
      assert.ok(fx);
      const sqlite = join(mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-same-')), 'fleet.db');
      const postgres = await server.newDatabase();
      const views: Record<string, string>[] = [];
      for (const db of [sqlite, postgres]) {
        for (const [name, ...flags] of [
          ['a', '--version', '6.1.170', '--support-until', '2029-01-01'],
          ['b', '--version', '6.6.100', '--config', fx.config, '--source', fx.source],
          ['c', '--version', '6.13-rc3'],
        ] as string[][]) {
          assert.equal(fx.kgap(db, ['fleet', 'add', name as string, ...flags]).code, 0);
        }
        assert.equal(fx.kgap(db, ['fleet', 'scan']).code, 0);
        // Times and ids differ by run; everything else must not.
        const strip = (text: string) =>
          text.replace(/"(scannedAt|addedAt)": "[^"]+"/g, '"$1": "-"').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z?/g, 'T');
        const view: Record<string, string> = {};
        for (const args of [
          ['list'],
          ['show', 'a'],
          ['show', 'b'],
          ['show', 'c'],
          ['history', 'b'],
          ['cve', 'CVE-2026-63795'],
        ]) {
          const r = fx.kgap(db, ['fleet', ...args, '--format', 'json']);
          assert.equal(r.code, 0, r.stderr);
          view[args.join(' ')] = strip(r.stdout);
        }
        views.push(view);
      }
      assert.deepEqual(views[1], views[0]);
    },
  );
});
