/**
 * `kgap fleet plan` on a generated vendor tree (scripts/gen-tree.ts: 60 vendor patches of every fate on v6.1.110,
 * stable tags up to v6.1.130), on SQLite and on a real PostgreSQL, through the built CLI; then the same store behind
 * `kgap serve`: the API and the dashboard in a real browser. The reference for every record is `kgap plan` on the
 * same tree, and the generator's own account of each patch.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { renderPlanHtml } from '../src/formats/plan/render-plan-html.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { BROWSER_SKIP, consoleProblems, launchChromium } from './helpers/browser.js';
import { findingFields } from './helpers/fleet-contract.js';
import { GO, NO_GO } from './helpers/fleet-gate-contract.js';
import type { Json } from './helpers/json.js';
import { fateMismatches, smallPlanTree } from './helpers/plan-tree.js';
import { POSTGRES_SKIP_REASON, startPostgres } from './helpers/postgres.js';
import { REAL_DATA_SKIP_REASON } from './helpers/real-index.js';
import { type CliRun, runCli } from './helpers/run-cli.js';
import { type ServeProcess, startServe } from './helpers/serve-process.js';

const TOKEN = 'plan-token-0123456789abcdef';
const scratch = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-fleet-plan-'));
const small = await smallPlanTree(scratch);
const skip = small === null ? REAL_DATA_SKIP_REASON : false;
const postgres = small === null ? null : await startPostgres();
after(() => {
  postgres?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const tree = () => small?.gen.treeDir ?? '';
const num = (x: number) => x.toLocaleString('en-US');
const kgap = (db: string, args: readonly string[]) => runCli([...args, '--db', db], small?.env ?? {});
function json(r: CliRun): Json {
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}
/** `kgap plan` on the same tree (and build): what the fleet must store. */
const reference = (extra: readonly string[] = []) =>
  json(runCli(['plan', '--tree', tree(), '--to', 'latest', ...extra, '--format', 'json'], small?.env));

/** The product build of the plan with a config: a real Debian config and the 6.1.170 Kbuild tree. */
const build = () => {
  const shared = sharedDataDir() ?? '';
  return [
    '--config',
    join(shared, 'configs', 'debian-6.1.170-3-amd64.config'),
    '--source',
    join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz'),
  ];
};

/**
 * Adds the products every engine plans: a vendor tree (with and without its build), the same tree at its newest
 * tag, a version, a directory that is not a repository.
 */
function addProducts(db: string): void {
  const notGit = mkdtempSync(join(scratch, 'not-git-'));
  for (const [name, ...flags] of [
    ['vendor', '--tree', tree()],
    ['vendor-built', '--tree', tree(), ...build()],
    ['newest', '--tree', tree(), '--rev', 'v6.1.130'],
    ['byversion', '--version', '6.1.110'],
    ['notgit', '--tree', notGit],
  ] as string[][]) {
    const r = kgap(db, ['fleet', 'add', name as string, ...flags]);
    assert.equal(r.code, 0, r.stderr);
  }
}

function planContract(engine: string, newDb: () => Promise<string>): void {
  describe(`kgap fleet plan on ${engine}`, () => {
    let db = '';
    let run: CliRun;
    let want: Json;
    before(async () => {
      if (skip) return;
      db = await newDb();
      addProducts(db);
      // Four gate runs of the vendor tree before its plan: the plan shows the newest three, newest first.
      for (const [i, side] of [NO_GO, GO, NO_GO, GO].entries())
        assert.equal(kgap(db, ['fleet', 'gate', 'vendor', ...side]).code, i % 2 === 0 ? 1 : 0);
      run = kgap(db, ['fleet', 'plan', '--format', 'json']);
      want = reference();
    });

    it(
      'plans the tree, stores the newest tree as up to date, the version product as not plannable',
      { skip, timeout: 180_000 },
      () => {
        assert.equal(run.code, 2, 'a product failed: exit 2, the others are planned');
        assert.match(run.stderr, /kgap: notgit: .* is not a git repository/);
        const doc = JSON.parse(run.stdout);
        assert.equal(doc.schemaVersion, 1);
        const by = new Map(doc.products.map((p: Json) => [p.product, p]));
        assert.deepEqual(
          doc.products.map((p: Json) => [p.product, p.status]),
          [
            ['byversion', 'not-plannable'],
            ['newest', 'up-to-date'],
            ['notgit', 'failed'],
            ['vendor', 'planned'],
            ['vendor-built', 'planned'],
          ],
        );
        const vendor = by.get('vendor') as Json;
        assert.deepEqual(
          [vendor.plan.from, vendor.plan.to, vendor.plan.fates, vendor.plan.verdict],
          ['6.1.110', '6.1.130', want.fates, want.verdict],
        );
        assert.ok(vendor.plan.fates.conflict >= 2, 'the generated tree plants conflicts');
        const newest = by.get('newest') as Json;
        assert.equal(newest.plan.to, null);
        assert.match(
          newest.plan.verdict,
          /^v6\.1\.130 is the newest release of its branch in the tree's tags; the release data knows 6\.1\.\d+: fetch the stable tags/,
        );
        assert.match((by.get('byversion') as Json).reason, /^registered by version \(6\.1\.110\): a plan needs/);
      },
    );

    it("stores kgap plan's record, every vendor patch with the fate the generator planted", { skip }, () => {
      const shown = json(kgap(db, ['fleet', 'show', 'vendor', '--plan', '--format', 'json']));
      const gates = json(kgap(db, ['fleet', 'gates', 'vendor', '--format', 'json'])).gates;
      assert.equal(gates.length, 4);
      assert.deepEqual(shown.plan.record, { ...want, earlierGates: gates.slice(0, 3) });
      assert.deepEqual(
        shown.plan.record.earlierGates.map((g: Json) => g.verdict),
        ['go', 'no-go', 'go'],
      );
      assert.deepEqual(Object.keys(shown.plan.record).slice(9, 11), ['testPlan', 'earlierGates']);
      const page = renderPlanHtml(shown.plan.record);
      assert.match(
        page,
        /<h2>Earlier gates of this product \(3, newest first\)<\/h2>\n<ul class="earlier-gates"><li>\S+ go \(/,
      );
      assert.deepEqual(fateMismatches(shown.plan.record.vendorPatches, small?.gen.patches ?? []), []);
      assert.equal(json(kgap(db, ['fleet', 'show', 'newest', '--plan', '--format', 'json'])).plan.record, null);
      // With the product's config and source: CVEs split by built code, the hardening the target changes.
      const built = json(kgap(db, ['fleet', 'show', 'vendor-built', '--plan', '--format', 'json'])).plan.record;
      assert.deepEqual(built, { ...reference(build()), earlierGates: [] });
      assert.ok(built.cves.counts.closed.built > 0 && built.hardening !== null, JSON.stringify(built.cves.counts));
      const table = kgap(db, ['fleet', 'show', 'vendor', '--plan']);
      assert.match(
        table.stdout,
        /^Product vendor: update plan \d+ at .*: update ready: 6\.1\.130, \d+ conflicts\n\nkgap plan: /,
      );
      assert.match(
        table.stdout,
        /\nEarlier gates of this product \(3, newest first\):\n {2}\S+ go \(.*\): 21 compared\n {4}no regressions.*\n {2}\S+ no-go \(/,
      );
      const md = kgap(db, ['fleet', 'show', 'vendor', '--plan', '--format', 'markdown']).stdout;
      assert.match(md, /^## Product vendor: update plan .*\n\n### kgap plan: 6\.1\.110 → 6\.1\.130\n/);
      assert.match(md, /\n#### Vendor patches \(60\)\n/);
      assert.match(md, /\n#### Earlier gates of this product \(3, newest first\)\n\n- \S+ go /);
      const none = kgap(db, ['fleet', 'show', 'byversion', '--plan']);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /^kgap: byversion has no update plan yet \(kgap fleet plan byversion/);
    });

    it('the fleet table says "update ready: X, N conflicts" or "up to date"', { skip }, () => {
      const list = json(kgap(db, ['fleet', 'list', '--format', 'json']));
      const plans = Object.fromEntries(list.products.map((p: Json) => [p.name, p.plan]));
      assert.equal(plans.vendor.fates.conflict, want.fates.conflict);
      assert.equal(plans.newest.outcome, 'up-to-date');
      assert.equal(plans.byversion, null);
      const table = kgap(db, ['fleet', 'list']).stdout;
      assert.match(table, new RegExp(`\\nvendor .* update ready: 6\\.1\\.130, ${want.fates.conflict} conflicts `));
      assert.match(table, /\nnewest .* up to date /);
    });

    it("a tree product's findings equal kgap status --tree field for field (ambiguousReason too)", { skip }, () => {
      json(kgap(db, ['fleet', 'scan', 'vendor', '--format', 'json']));
      const show = json(kgap(db, ['fleet', 'show', 'vendor', '--format', 'json']));
      const status = json(runCli(['status', '--tree', tree(), '--format', 'json'], small?.env));
      assert.equal(show.latestScan.summary.affected, status.summary.affected);
      assert.deepEqual(show.findings.map(findingFields), status.affected.map(findingFields));
      assert.equal(show.plan.outcome, 'planned');
    });
  });
}

let n = 0;
planContract('SQLite', async () => join(scratch, `fleet-${++n}.db`));
if (postgres) planContract('PostgreSQL', postgres.newDatabase);
else it('kgap fleet plan on PostgreSQL', { skip: skip || POSTGRES_SKIP_REASON }, () => undefined);

describe('kgap fleet plan behind kgap serve', () => {
  const db = join(scratch, 'served.db');
  let server: ServeProcess | null = null;
  const url = (path: string) => `${server?.url}${path}`;
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  before(async () => {
    if (skip) return;
    addProducts(db);
    assert.equal(kgap(db, ['fleet', 'gate', 'vendor', ...NO_GO]).code, 1);
    server = await startServe(['--db', db], { ...small?.env, KGAP_TOKEN: TOKEN });
  });
  after(async () => server?.stop());

  it(
    'POST /api/v1/plans needs the token; GET …/plan serves the stored record',
    { skip, timeout: 180_000 },
    async () => {
      const post = (body: string, headers: Record<string, string> = auth) =>
        fetch(url('/api/v1/plans'), { method: 'POST', headers, body });
      const denied = await post('{"products":["vendor"]}', { 'content-type': 'application/json' });
      assert.equal(denied.status, 401);
      assert.equal((await post('{"products":["nope"]}')).status, 400);
      assert.equal((await post('{"products":"vendor"}')).status, 400);
      assert.equal((await fetch(url('/api/v1/products/vendor/plan'))).status, 404);
      const planned = await post('{"products":["vendor","byversion","newest"]}');
      assert.equal(planned.status, 200);
      const report = (await planned.json()) as Json;
      assert.deepEqual(
        report.products.map((p: Json) => [p.product, p.status]),
        [
          ['byversion', 'not-plannable'],
          ['newest', 'up-to-date'],
          ['vendor', 'planned'],
        ],
      );
      const served = await (await fetch(url('/api/v1/products/vendor/plan'))).text();
      assert.equal(served, kgap(db, ['fleet', 'show', 'vendor', '--plan', '--format', 'json']).stdout);
      const gates = await (await fetch(url('/api/v1/products/vendor/gates'))).text();
      assert.equal(gates, kgap(db, ['fleet', 'gates', 'vendor', '--format', 'json']).stdout);
      const recorded = JSON.parse(gates).gates;
      assert.deepEqual(
        recorded.map((g: Json) => g.verdict),
        ['no-go'],
      );
      assert.deepEqual(JSON.parse(served).plan.record, { ...reference(), earlierGates: recorded });
      assert.equal((await fetch(url('/api/v1/products/nope/gates'))).status, 404);
      const missing = await fetch(url('/api/v1/products/byversion/plan'));
      assert.equal(missing.status, 404);
      assert.match(((await missing.json()) as Json).error, /byversion has no update plan yet/);
      const spec = (await (await fetch(url('/api/v1/openapi.json'))).json()) as Json;
      assert.deepEqual(spec.paths['/plans'].post.security, [{ bearer: [] }]);
      assert.ok(spec.paths['/products/{name}/plan'].get);
      assert.ok(spec.paths['/products/{name}/gates'].get);
    },
  );

  it(
    'the dashboard in a real browser: "update ready" in the fleet table, the record on the product page',
    { skip: skip || BROWSER_SKIP, timeout: 120_000 },
    async () => {
      const want = reference();
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const problems = consoleProblems(page);
        await page.goto(url('/'));
        const updates = await page.$$eval('#fleet tbody tr', (trs) =>
          trs.map((tr) => [tr.children[0]?.textContent?.trim(), tr.children[9]?.textContent?.trim()]),
        );
        assert.deepEqual(updates, [
          ['byversion', '-'],
          ['newest', 'up to date'],
          ['notgit', '-'],
          ['vendor', `update ready: 6.1.130, ${want.fates.conflict} conflicts`],
          ['vendor-built', '-'],
        ]);
        // A scan of the tree: its ambiguous findings show the reading taken, as kgap status --tree says it.
        const scan = await fetch(url('/api/v1/scans'), {
          method: 'POST',
          headers: auth,
          body: '{"products":["vendor"]}',
        });
        assert.equal(scan.status, 200);
        const status = json(runCli(['status', '--tree', tree(), '--format', 'json'], small?.env));
        const reasons = status.affected.flatMap((f: Json) => (f.ambiguousReason ? [[f.id, f.ambiguousReason]] : []));
        assert.ok(reasons.length > 0, 'the generated tree carries an ambiguous finding');
        await page.goto(url('/'));
        await page.click('a[href="/products/vendor"]');
        await page.waitForURL(/\/products\/vendor$/);
        const findings = await page.$$eval('#findings tbody tr', (trs) =>
          trs.map((tr) => [tr.children[0]?.textContent?.trim(), tr.children[2]?.textContent?.trim()]),
        );
        for (const [id, reason] of reasons)
          assert.ok(
            findings.some((f) => f[0] === id && f[1]?.endsWith(`ambiguous: ${reason}`)),
            `${id}: ${reason}`,
          );
        assert.match((await page.textContent('#gates')) ?? '', /^Gates: latest no-go$/);
        assert.match(
          (await page.textContent('.earlier-gates')) ?? '',
          /^\S+ no-go \(.*\): 20 compared; regressions 3,/,
        );
        const plan = (await page.textContent('#plan')) ?? '';
        assert.ok(plan.includes(want.verdict), plan);
        const facts = (await page.textContent('main')) ?? '';
        const c = want.cves.counts;
        const s = want.stableFixes;
        for (const line of [
          `CVEs closed${num(c.closed.total)}`,
          `CVEs introduced${num(c.introduced.total)}`,
          `CVEs still open${num(c.stillOpen.total)}`,
          `Stable fixes${num(s.total)} (with a CVE ${num(s.withCve)}, without ${num(s.withoutCve)})`,
        ])
          assert.ok(facts.includes(line), line);
        const rows = await page.$$eval('#plan-patches tbody tr', (trs) =>
          trs.map((tr) => [tr.children[0]?.textContent?.trim(), tr.children[4]?.textContent?.trim() ?? '']),
        );
        assert.equal(rows.length, want.vendorPatches.length);
        assert.deepEqual(
          rows.map((r) => r[0]),
          want.vendorPatches.map((p: Json) => p.fate),
        );
        const conflicted = rows.filter((r) => r[0] === 'conflict');
        assert.equal(conflicted.length, want.fates.conflict);
        for (const r of conflicted) assert.match(r[1] ?? '', /\(content|\(add\/add/);
        await page.goto(url('/products/byversion'));
        assert.match((await page.textContent('#plan')) ?? '', /Registered by version/);
        assert.deepEqual(problems, []);
      } finally {
        await browser.close();
      }
    },
  );
});
