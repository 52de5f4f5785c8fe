/**
 * The fleet's behaviour, the same on every storage engine: run against SQLite on disk (fleet-sqlite.test.ts)
 * and a real PostgreSQL server (fleet-postgres.test.ts) through the built CLI, as a user would.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type FleetFixture, fleetFixture } from './fleet-fixture.js';
import type { Json } from './json.js';
import { REAL_DATA_SKIP_REASON } from './real-index.js';
import { CLI } from './run-cli.js';

export type EngineUnderTest = {
  /** A fresh, empty database location (a file path or a postgres:// URL). */
  readonly newDb: () => Promise<string>;
  /** Runs one SQL statement on the database (to fake a newer schema) and returns the rows. */
  readonly sql: (db: string, text: string) => Promise<Record<string, unknown>[]>;
};

/**
 * A finding's fields that the fleet and `kgap status --format json` both carry (the fleet keeps a relevance's
 * status and reason, and a tree finding's evidence without the record's commit `ref`).
 */
export function findingFields(x: Json) {
  return {
    id: x.id,
    title: x.title,
    cvss: x.cvss,
    severity: x.severity,
    published: x.published,
    fixedOnBranch: x.fixedOnBranch,
    fixedUpstream: x.fixedUpstream,
    ambiguous: x.ambiguous,
    ambiguousReason: x.ambiguousReason,
    rule: x.rule,
    programFiles: x.programFiles,
    relevance: x.relevance ? { status: x.relevance.status, reason: x.relevance.reason } : null,
    evidence: x.evidence
      ? {
          kind: x.evidence.kind,
          commit: x.evidence.commit,
          confidence: x.evidence.confidence,
          detail: x.evidence.detail,
        }
      : null,
  };
}

function json(r: { code: number | null; stdout: string; stderr: string }): Json {
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Registers the contract's tests (call inside a describe). */
export async function fleetContract(engine: EngineUnderTest): Promise<void> {
  const fx = await fleetFixture();
  const skip = fx === null ? REAL_DATA_SKIP_REASON : false;
  const f = () => fx as FleetFixture;

  it(
    "a product's CVE counts and findings equal kgap status for the same inputs",
    { skip, timeout: 300_000 },
    async () => {
      const db = await engine.newDb();
      const products: [string, string[], string[]][] = [
        ['plain', ['--version', '6.1.170'], ['--version', '6.1.170']],
        ['distro', ['--version', '6.1.170-3'], ['--version', '6.1.170-3']],
        ['old', ['--version', '5.15.150'], ['--version', '5.15.150']],
        ['rc', ['--version', '6.13-rc3'], ['--version', '6.13-rc3']],
        // 6.1.2 carries ambiguous findings (docs/semantics.md rule 5: CVE-2021-47295, CVE-2023-53012).
        ['early', ['--version', '6.1.2'], ['--version', '6.1.2']],
        [
          'built',
          ['--version', '6.1.170', '--config', f().config, '--source', f().source],
          ['--version', '6.1.170', '--config', f().config, '--source', f().source],
        ],
        [
          'builddir',
          ['--version', '6.1.170', '--build-dir', f().buildDir],
          ['--version', '6.1.170', '--build-dir', f().buildDir],
        ],
      ];
      for (const [name, flags] of products) assert.equal(f().kgap(db, ['fleet', 'add', name, ...flags]).code, 0);
      const scan = json(f().kgap(db, ['fleet', 'scan', '--format', 'json']));
      assert.equal(scan.scanned.length, products.length);
      assert.deepEqual(scan.failed, []);
      for (const [name, , statusFlags] of products) {
        const status = f().status(statusFlags) as Json;
        const show = json(f().kgap(db, ['fleet', 'show', name, '--format', 'json']));
        const sum = show.latestScan.summary;
        assert.equal(sum.affected, status.summary.affected, name);
        assert.equal(sum.fixedByNewerRelease, status.summary.fixedByNewerRelease, name);
        assert.equal(sum.noFixOnBranch, status.summary.noFixOnBranch, name);
        assert.deepEqual(sum.bySeverity, status.summary.bySeverity, name);
        assert.deepEqual(sum.relevance, status.summary.relevance ?? null, name);
        assert.equal(sum.releasesBehind, status.branch.releasesBehind, name);
        assert.equal(sum.ambiguous, status.summary.ambiguous, name);
        assert.deepEqual(show.findings.map(findingFields), status.affected.map(findingFields), name);
      }
      const early = json(f().kgap(db, ['fleet', 'show', 'early', '--format', 'json']));
      assert.deepEqual(
        early.findings
          .filter((x: Json) => ['CVE-2021-47295', 'CVE-2023-53012'].includes(x.id))
          .map((x: Json) => [x.id, x.ambiguous, x.ambiguousReason]),
        [
          ['CVE-2021-47295', true, 'fixed in 5.14 before 6.1 forked and again on 6.1 in 6.1.18: the later fix decides'],
          [
            'CVE-2023-53012',
            true,
            "introduced in 6.1.2 with no fix paired (the CNA's JSON lists no range for it): taken as fixed by 6.1.9, the next fix on 6.1",
          ],
        ],
      );
      const hardened = json(f().kgap(db, ['fleet', 'show', 'built', '--format', 'json']));
      assert.equal(hardened.latestScan.hardening.score, 50.2);
    },
  );

  it(
    'lists the fleet, keeps history, answers per CVE across products, removes',
    { skip, timeout: 300_000 },
    async () => {
      const db = await engine.newDb();
      assert.equal(
        f().kgap(db, ['fleet', 'add', 'a', '--version', '6.1.170', '--support-until', '2030-06-30']).code,
        0,
      );
      assert.equal(f().kgap(db, ['fleet', 'add', 'b', '--version', '6.1.183']).code, 0);
      assert.equal(
        f().kgap(db, ['fleet', 'add', 'c', '--version', '6.1.170', '--config', f().config, '--source', f().source])
          .code,
        0,
      );
      const list0 = json(f().kgap(db, ['fleet', 'list', '--format', 'json']));
      assert.deepEqual(
        list0.products.map((p: Json) => [p.name, p.latestScan]),
        [
          ['a', null],
          ['b', null],
          ['c', null],
        ],
      );
      json(f().kgap(db, ['fleet', 'scan', 'a', 'b', '--format', 'json']));
      json(f().kgap(db, ['fleet', 'scan', '--format', 'json']));
      const history = json(f().kgap(db, ['fleet', 'history', 'a', '--format', 'json']));
      assert.equal(history.scans.length, 2);
      assert.equal(history.scans[0].summary.affected, history.scans[1].summary.affected);
      const list = json(f().kgap(db, ['fleet', 'list', '--format', 'json']));
      const a = list.products.find((p: Json) => p.name === 'a');
      assert.match(
        a.support.warning,
        /branch 6\.1 ends 2027-12-31 \(projected\), before the product's support ends 2030-06-30/,
      );
      // CVE-2026-63795 is fixed in 6.1.177: 6.1.170 carries it (c builds its code, module 9pnet), 6.1.183 does not.
      const cve = json(f().kgap(db, ['fleet', 'cve', 'CVE-2026-63795', '--format', 'json']));
      assert.deepEqual(
        cve.exposed.map((e: Json) => [e.product.name, e.finding.fixedOnBranch, e.finding.relevance?.status ?? null]),
        [
          ['a', '6.1.177', null],
          ['c', '6.1.177', 'built'],
        ],
      );
      assert.deepEqual(cve.notExposed, ['b']);
      const table = f().kgap(db, ['fleet', 'list']);
      assert.match(table.stdout, /^Fleet: 3 products, 3 scanned, 1 with a support warning/);
      const md = f().kgap(db, ['fleet', 'show', 'c', '--limit', '3', '--format', 'markdown']);
      assert.match(md.stdout, /^## Product c: 6\.1\.170/);
      assert.equal(f().kgap(db, ['fleet', 'remove', 'b']).code, 0);
      const gone = f().kgap(db, ['fleet', 'show', 'b']);
      assert.equal(gone.code, 2);
      assert.match(gone.stderr, /^kgap: b is not in the fleet/);
    },
  );

  it('refuses bad input with one line and exit 2', { skip }, async () => {
    const db = await engine.newDb();
    assert.equal(f().kgap(db, ['fleet', 'add', 'x', '--version', '6.1.170']).code, 0);
    const cases: [string[], RegExp][] = [
      [['fleet', 'add', 'x', '--version', '6.1.170'], /^kgap: x is already in the fleet/],
      [['fleet', 'add', 'bad name', '--version', '6.1.170'], /^kgap: "bad name" is not a product name/],
      [['fleet', 'add', 'y'], /^kgap: say which kernel the product runs/],
      [['fleet', 'add', 'y', '--version', 'banana'], /^kgap: --version /],
      [
        ['fleet', 'add', 'y', '--version', '6.1.170', '--config', '/nonexistent/.config'],
        /^kgap: --config \/nonexistent\/.config does not exist/,
      ],
      [
        ['fleet', 'add', 'y', '--version', '6.1.170', '--support-until', '2030-02-30'],
        /^kgap: --support-until takes a day/,
      ],
      [['fleet', 'scan', 'nope'], /^kgap: no product of the fleet is named nope/],
      [['fleet', 'cve', 'CVE-x'], /^kgap: "CVE-x" is not a CVE id/],
      [['fleet', 'list', '--format', 'xml'], /^kgap: option '--format <format>' argument 'xml' is invalid/],
    ];
    for (const [args, message] of cases) {
      const r = f().kgap(db, args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  it(
    'schema 2 on a database of schema 1: the shared verdicts get their ambiguousReason on the next scan',
    { skip, timeout: 120_000 },
    async () => {
      const db = await engine.newDb();
      assert.equal(f().kgap(db, ['fleet', 'add', 'early', '--version', '6.1.2']).code, 0);
      json(f().kgap(db, ['fleet', 'scan', '--format', 'json']));
      // The state a schema-1 database is upgraded from: spans without reasons, migrations 2 and 3 not recorded.
      // Running them again also checks they are safe to repeat (on SQLite kysely records one after it commits).
      await engine.sql(db, 'update branch_spans set ambiguous_reason = null');
      await engine.sql(db, "delete from kgap_migration where name in ('0002-plans-ambiguous-reason', '0003-gates')");
      const reasons = async () =>
        Number(
          (await engine.sql(db, 'select count(*) as n from branch_spans where ambiguous_reason is not null'))[0]?.n,
        );
      assert.equal(await reasons(), 0);
      const before = json(f().kgap(db, ['fleet', 'show', 'early', '--format', 'json']));
      assert.equal(before.findings.find((x: Json) => x.id === 'CVE-2021-47295').ambiguousReason, null);
      json(f().kgap(db, ['fleet', 'scan', '--format', 'json']));
      assert.ok((await reasons()) > 0);
      const after = json(f().kgap(db, ['fleet', 'show', 'early', '--format', 'json']));
      assert.match(
        after.findings.find((x: Json) => x.id === 'CVE-2021-47295').ambiguousReason,
        /the later fix decides/,
      );
      const status = f().status(['--version', '6.1.2']) as Json;
      assert.deepEqual(after.findings.map(findingFields), status.affected.map(findingFields));
      const applied = await engine.sql(db, 'select name from kgap_migration order by name');
      assert.deepEqual(
        applied.map((r) => r.name),
        ['0001-fleet', '0002-plans-ambiguous-reason', '0003-gates'],
      );
    },
  );

  it('refuses a database whose schema is newer than this kgap', { skip }, async () => {
    const db = await engine.newDb();
    assert.equal(f().kgap(db, ['fleet', 'add', 'x', '--version', '6.1.170']).code, 0);
    await engine.sql(
      db,
      "insert into kgap_migration (name, timestamp) values ('0004-future', '2030-01-01T00:00:00.000Z')",
    );
    const r = f().kgap(db, ['fleet', 'list']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /has schema version 4, newer than this kgap knows \(3\); upgrade kgap/);
  });

  it(
    'a scan killed mid-run leaves every earlier scan intact and no half-written one',
    { skip, timeout: 600_000 },
    async () => {
      const db = await engine.newDb();
      const names = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
      for (const [i, n] of names.entries()) {
        const flags = i % 2 === 0 ? ['--config', f().config, '--source', f().source] : [];
        assert.equal(f().kgap(db, ['fleet', 'add', n, '--version', `6.1.${160 + i}`, ...flags]).code, 0);
      }
      json(f().kgap(db, ['fleet', 'scan', '--format', 'json']));
      const complete = async () => {
        // Every visible scan is whole: its relevance rows match its summary, its branch verdicts are there.
        const rows = await engine.sql(
          db,
          `select s.id, s.summary, (select count(*) from scan_relevance r where r.scan_id = s.id) as rel,
                (select count(*) from branch_loads b where b.snapshot_id = s.snapshot_id and b.branch = s.branch) as loaded
           from scans s order by s.id`,
        );
        for (const r of rows) {
          const sum = JSON.parse(String(r.summary));
          const want = sum.relevance ? sum.relevance.built + sum.relevance.notBuilt + sum.relevance.unknown : 0;
          assert.equal(Number(r.rel), want, `scan ${r.id} is half-written`);
          assert.equal(Number(r.loaded), 1, `scan ${r.id} has no branch verdicts`);
        }
        return rows.map((r) => Number(r.id));
      };
      const before = await complete();
      assert.equal(before.length, names.length);
      const args = [
        CLI,
        'fleet',
        'scan',
        '--db',
        db,
        '--cache-dir',
        f().cacheDir,
        '--vulns-repo',
        `${f().shared}/vulns.git`,
        '--releases',
        `${f().shared}/linux-kernel-releases.json`,
      ];
      // Kill at fractions of a whole run's time (measured first): early kills land while products are judged,
      // later ones while scans are written.
      const timed = Date.now();
      await new Promise((r) => spawn(process.execPath, args, { stdio: 'ignore' }).once('close', r));
      const whole = Date.now() - timed;
      let killedMidRun = 0;
      for (const share of [0.15, 0.3, 0.45, 0.6, 0.75, 0.9]) {
        const child = spawn(process.execPath, args, { stdio: 'ignore' });
        const closed = new Promise((r) => child.once('close', r));
        await sleep(Math.round(whole * share));
        const running = child.exitCode === null && child.signalCode === null;
        child.kill('SIGKILL');
        await closed;
        if (running) killedMidRun++;
        const ids = await complete();
        for (const id of before) assert.ok(ids.includes(id), `scan ${id} was lost`);
      }
      assert.ok(killedMidRun >= 3, `only ${killedMidRun} kills landed while the scan ran`);
      const after = json(f().kgap(db, ['fleet', 'scan', '--format', 'json']));
      assert.equal(after.scanned.length, names.length);
      await complete();
    },
  );
}
