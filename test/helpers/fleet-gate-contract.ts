/**
 * `kgap fleet gate` and `kgap fleet gates`, the same on every storage engine (fleet-sqlite.test.ts and
 * fleet-postgres.test.ts): the gate's real fixture scenario (test/fixtures/results/gate) recorded for a product,
 * read back newest first; and schema 3 applied to a real schema-2 database made by migrations 1 and 2.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Migrator } from 'kysely';
import { fleetMigrations } from '../../src/sources/store/migrations.js';
import { engineOf, storeEngines } from '../../src/sources/store/open-fleet-store.js';
import type { EngineUnderTest } from './fleet-contract.js';
import type { Json } from './json.js';
import { type CliRun, runCli } from './run-cli.js';

export const GATE = fileURLToPath(new URL('../../../test/fixtures/results/gate', import.meta.url));
const sides = (candidate: string) => ['--baseline', `${GATE}/baseline`, '--candidate', `${GATE}/${candidate}`];
/** The no-go run of the gate tests: a live and an expired known issue, judged on a fixed day. */
export const NO_GO = [...sides('candidate'), '--known-issues', `${GATE}/known-issues.json`, '--as-of', '2026-11-28'];
/** The baseline against itself: go. */
export const GO = [...sides('baseline'), '--as-of', '2026-11-29'];

function json(r: CliRun): Json {
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Registers the tests (call inside a describe). */
export function fleetGateContract(engine: EngineUnderTest): void {
  const kgap = (db: string, args: readonly string[]) => runCli([...args, '--db', db]);

  it('kgap fleet gate prints what kgap gate prints, exits as it does, and records the runs', async () => {
    const db = await engine.newDb();
    assert.equal(kgap(db, ['fleet', 'add', 'board', '--version', '6.1.170']).code, 0);
    for (const format of ['table', 'json']) {
      const plain = runCli(['gate', ...NO_GO, '--format', format]);
      const fleet = kgap(db, ['fleet', 'gate', 'board', ...NO_GO, '--format', format]);
      assert.equal(plain.code, 1, plain.stderr);
      assert.equal(fleet.code, 1, fleet.stderr);
      assert.equal(fleet.stdout, plain.stdout);
      assert.match(fleet.stderr, /^kgap: recorded gate \d+ for board\nkgap gate: no-go\n$/);
    }
    const go = kgap(db, ['fleet', 'gate', 'board', ...GO]);
    assert.equal(go.code, 0, go.stderr);
    const noGo = JSON.parse(runCli(['gate', ...NO_GO, '--format', 'json']).stdout);
    const listed = json(kgap(db, ['fleet', 'gates', 'board', '--format', 'json']));
    assert.equal(listed.product, 'board');
    assert.deepEqual(
      listed.gates.map((g: Json) => [g.verdict, g.asOf]),
      [
        ['go', '2026-11-29'],
        ['no-go', '2026-11-28'],
        ['no-go', '2026-11-28'],
      ],
    );
    const [newest, older] = listed.gates as Json[];
    assert.ok(newest.id > older.id && newest.recordedAt >= older.recordedAt);
    assert.deepEqual([older.baseline, older.candidate], [`${GATE}/baseline`, `${GATE}/candidate`]);
    assert.deepEqual(older.reasons, noGo.reasons);
    assert.deepEqual(older.counts, {
      compared: noGo.counts.compared,
      regressions: noGo.regressions.length,
      newCrashes: noGo.newCrashes.length,
      newFailures: noGo.newFailures.length,
      lostCoverage: noGo.lostCoverage.length,
      flaky: noGo.flaky.length,
      fixes: noGo.fixes.length,
      expectedFailures: noGo.expectedFailures.length,
    });
    assert.ok(older.counts.regressions > 0 && older.counts.newCrashes > 0, JSON.stringify(older.counts));
    assert.match(kgap(db, ['fleet', 'gates', 'board']).stdout, /^Product board: 3 gate runs, newest first\n/);
  });

  it('an unknown product or a bad side is a one-line error, exit 2, and records nothing', async () => {
    const db = await engine.newDb();
    assert.equal(kgap(db, ['fleet', 'add', 'board', '--version', '6.1.170']).code, 0);
    for (const [args, message] of [
      [['fleet', 'gate', 'nope', ...GO], /^kgap: nope is not in the fleet \(see kgap fleet list\)\n$/],
      [['fleet', 'gates', 'nope'], /^kgap: nope is not in the fleet/],
      // Before any boot: the kernels do not even exist.
      [
        ['fleet', 'gate', 'nope', '--baseline-kernel', `${GATE}/no-kernel`, '--candidate-kernel', `${GATE}/no-kernel`],
        /^kgap: nope is not in the fleet/,
      ],
      [
        ['fleet', 'gate', 'board', '--baseline-kernel', `${GATE}/no-kernel`, '--candidate-kernel', `${GATE}/no-kernel`],
        /^kgap: --baseline-kernel \S+no-kernel does not exist/,
      ],
      [['fleet', 'gate', 'board', '--baseline', `${GATE}/none`, ...sides('candidate').slice(2)], /^kgap: --baseline /],
      [['fleet', 'gate', 'board', '--baseline', `${GATE}/baseline`], /needs --baseline DIR and --candidate DIR/],
      [['fleet', 'gate', 'board', ...GO, '--as-of', '2026-13-01'], /^kgap: --as-of /],
    ] as [string[], RegExp][]) {
      const r = kgap(db, args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    assert.deepEqual(json(kgap(db, ['fleet', 'gates', 'board', '--format', 'json'])).gates, []);
  });

  it('schema 3 applies to a schema-2 database (made by migrations 1 and 2) and keeps its products', async () => {
    const location = await engine.newDb();
    const kind = engineOf(location);
    const db = storeEngines[kind].open(location);
    try {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => fleetMigrations(kind) },
        migrationTableName: 'kgap_migration',
        migrationLockTableName: 'kgap_migration_lock',
      });
      const { error } = await migrator.migrateTo('0002-plans-ambiguous-reason');
      assert.equal(error, undefined);
      await db
        .insertInto('products')
        .values({ name: 'old', kind: 'version', version: '6.1.170', added_at: '2026-01-01T00:00:00.000Z' })
        .execute();
    } finally {
      await db.destroy();
    }
    const applied = async () =>
      (await engine.sql(location, 'select name from kgap_migration order by name')).map((r) => r.name);
    assert.deepEqual(await applied(), ['0001-fleet', '0002-plans-ambiguous-reason']);
    const r = kgap(location, ['fleet', 'gate', 'old', ...GO]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await applied(), ['0001-fleet', '0002-plans-ambiguous-reason', '0003-gates']);
    const gates = json(kgap(location, ['fleet', 'gates', 'old', '--format', 'json'])).gates;
    assert.deepEqual(
      gates.map((g: Json) => g.verdict),
      ['go'],
    );
    assert.equal(json(kgap(location, ['fleet', 'list', '--format', 'json'])).products[0].name, 'old');
  });
}
