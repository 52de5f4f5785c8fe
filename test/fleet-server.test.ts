/**
 * `kgap serve` over a SQLite fleet, as a client sees it: open reads, token-guarded writes (401), malformed input
 * (400 with the message), loopback by default, the OpenAPI document; and the dashboard in a real browser
 * (Debian's chromium through playwright-core): the fleet page, a product page, sorting, no console errors, and the
 * same pages without JavaScript.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSER_SKIP, consoleProblems, launchChromium } from './helpers/browser.js';
import { type FleetFixture, fleetFixture } from './helpers/fleet-fixture.js';
import type { Json } from './helpers/json.js';
import { REAL_DATA_SKIP_REASON } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';
import { type ServeProcess, startServe } from './helpers/serve-process.js';

const TOKEN = 'test-token-0123456789abcdef';

describe('kgap serve', async () => {
  const fx = await fleetFixture();
  const skip = fx === null ? REAL_DATA_SKIP_REASON : false;
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-serve-'));
  const db = join(dir, 'fleet.db');
  let server: ServeProcess | null = null;
  const f = () => fx as FleetFixture;
  const url = (path: string) => `${server?.url}${path}`;
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

  before(async () => {
    if (!fx) return;
    for (const [name, ...flags] of [
      ['alpha', '--version', '6.1.170', '--support-until', '2030-01-01'],
      ['beta', '--version', '6.1.183'],
      ['gamma', '--version', '6.1.100', '--config', fx.config, '--source', fx.source],
    ] as string[][]) {
      assert.equal(fx.kgap(db, ['fleet', 'add', name as string, ...flags]).code, 0);
    }
    assert.equal(fx.kgap(db, ['fleet', 'scan']).code, 0);
    assert.equal(fx.kgap(db, ['fleet', 'scan', 'alpha']).code, 0);
    const data = [
      '--cache-dir',
      fx.cacheDir,
      '--vulns-repo',
      `${fx.shared}/vulns.git`,
      '--releases',
      `${fx.shared}/linux-kernel-releases.json`,
    ];
    server = await startServe(['--db', db, ...data], { KGAP_TOKEN: TOKEN });
  });
  after(async () => server?.stop());

  it('ends with exit 0 and nothing on stdout when stopped by SIGINT or SIGTERM', async () => {
    const empty = join(dir, 'stopped.db');
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const served = await startServe(['--db', empty, '--read-only']);
      assert.deepEqual(await served.stop(signal), { code: 0, stdout: '' }, signal);
    }
  });

  it('refuses to start for writes without a token', () => {
    const r = runCli(['serve', '--db', db, '--port', '0'], { KGAP_TOKEN: '' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^kgap: writes need a token: set KGAP_TOKEN or give --token-file FILE/);
  });

  it('binds the loopback address unless --host says otherwise', { skip }, () => {
    assert.match(server?.url ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it(
    'serves the fleet: products, one product, its scans, a CVE, the summary (same JSON as the CLI)',
    { skip },
    async () => {
      const products = await (await fetch(url('/api/v1/products'))).text();
      assert.equal(products, f().kgap(db, ['fleet', 'list', '--format', 'json']).stdout);
      const gamma = (await (await fetch(url('/api/v1/products/gamma?limit=2'))).json()) as Json;
      assert.equal(gamma.findings.length, 2);
      assert.equal(gamma.latestScan.summary.relevance.built > 0, true);
      const scans = (await (await fetch(url('/api/v1/products/alpha/scans'))).json()) as Json;
      assert.equal(scans.scans.length, 2);
      const one = (await (await fetch(url(`/api/v1/scans/${scans.scans[0].id}`))).json()) as Json;
      assert.equal(one.findings.length, scans.scans[0].summary.affected);
      const cve = (await (await fetch(url('/api/v1/cves/CVE-2026-63795'))).json()) as Json;
      assert.deepEqual(
        cve.exposed.map((e: Json) => e.product.name),
        ['alpha', 'gamma'],
      );
      const summary = (await (await fetch(url('/api/v1/summary'))).json()) as Json;
      assert.equal(summary.products, 3);
      assert.equal(summary.supportWarnings, 1);
      const spec = (await (await fetch(url('/api/v1/openapi.json'))).json()) as Json;
      assert.equal(spec.openapi, '3.1.0');
      assert.deepEqual(Object.keys(spec.paths).sort(), [
        '/cves/{id}',
        '/openapi.json',
        '/plans',
        '/products',
        '/products/{name}',
        '/products/{name}/gates',
        '/products/{name}/plan',
        '/products/{name}/scans',
        '/scans',
        '/scans/{id}',
        '/summary',
      ]);
      assert.equal(
        spec.paths['/products'].post.requestBody.content['application/json'].schema.properties.name.type,
        'string',
      );
    },
  );

  it('answers 401 to writes without the token, 400 to malformed input, 404 to unknown products', { skip }, async () => {
    const post = (path: string, body: string, headers: Record<string, string> = auth) =>
      fetch(url(path), { method: 'POST', headers, body });
    for (const r of [
      await post('/api/v1/products', '{"name":"x","version":"6.1.1"}', { 'content-type': 'application/json' }),
      await post('/api/v1/products', '{"name":"x","version":"6.1.1"}', {
        ...auth,
        authorization: 'Bearer wrong-token-000000000',
      }),
      await fetch(url('/api/v1/products/alpha'), { method: 'DELETE' }),
      await post('/api/v1/scans', '{}', { 'content-type': 'application/json' }),
    ]) {
      assert.equal(r.status, 401);
      assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    const bad: [string, string, RegExp][] = [
      ['/api/v1/products', '{not json', /the body must be JSON/],
      ['/api/v1/products', '{"name":"bad name","version":"6.1.1"}', /^name: a product name/],
      ['/api/v1/products', '{"name":"x"}', /give exactly one of version and tree/],
      ['/api/v1/products', '{"name":"x","version":"6.1.1","extra":1}', /extra/],
      ['/api/v1/products', '{"name":"x","version":"banana"}', /^version /],
      ['/api/v1/products', '{"name":"alpha","version":"6.1.1"}', /alpha is already in the fleet/],
      ['/api/v1/scans', '{"products":["nope"]}', /no product of the fleet is named nope/],
    ];
    for (const [path, body, message] of bad) {
      const r = await post(path, body);
      assert.equal(r.status, 400, `${body}`);
      assert.match(((await r.json()) as { error: string }).error, message);
    }
    assert.equal((await fetch(url('/api/v1/cves/CVE-x'))).status, 400);
    assert.equal((await fetch(url('/api/v1/products/nope'))).status, 404);
    assert.equal((await fetch(url('/api/v1/scans/99999'))).status, 404);
  });

  it('adds, scans and removes a product with the token; the pages follow', { skip, timeout: 120_000 }, async () => {
    const add = await fetch(url('/api/v1/products'), {
      method: 'POST',
      headers: auth,
      body: '{"name":"delta","version":"6.6.100"}',
    });
    assert.equal(add.status, 201);
    const scan = await fetch(url('/api/v1/scans'), { method: 'POST', headers: auth, body: '{"products":["delta"]}' });
    assert.equal(scan.status, 200);
    const report = (await scan.json()) as Json;
    const status = f().status(['--version', '6.6.100']) as Json;
    assert.equal(report.scanned[0].summary.affected, status.summary.affected);
    assert.match(await (await fetch(url('/'))).text(), /href="\/products\/delta">delta</);
    assert.equal((await fetch(url('/api/v1/products/delta'), { method: 'DELETE', headers: auth })).status, 200);
    assert.doesNotMatch(await (await fetch(url('/'))).text(), /delta/);
  });

  it(
    'the dashboard works in a real browser: fleet page, product page, sorting, no console errors',
    { skip: skip || BROWSER_SKIP, timeout: 120_000 },
    async () => {
      const browser = await launchChromium();
      try {
        const context = await browser.newContext();
        const page = await context.newPage();
        const problems = consoleProblems(page);
        await page.goto(url('/'));
        const names = () =>
          page.$$eval('#fleet tbody tr td:first-child', (tds) => tds.map((td) => td.textContent?.trim()));
        assert.deepEqual(await names(), ['alpha', 'beta', 'gamma']);
        await page.click('#fleet th:nth-child(5)'); // CVEs, ascending
        assert.deepEqual(await names(), ['beta', 'alpha', 'gamma']);
        await page.click('#fleet th:nth-child(5)'); // descending
        assert.deepEqual(await names(), ['gamma', 'alpha', 'beta']);
        await page.click('a[href="/products/gamma"]');
        await page.waitForURL(/\/products\/gamma$/);
        assert.equal(await page.textContent('h1'), 'Product gamma');
        assert.equal(await page.locator('figure svg').count(), 2);
        assert.equal(await page.locator('#findings tbody tr').count(), 200);
        await page.click('a[href="?show=all"]');
        await page.waitForURL(/show=all$/);
        await page.waitForLoadState('load');
        const all = await page.locator('#findings tbody tr').count();
        const gamma = JSON.parse(f().kgap(db, ['fleet', 'show', 'gamma', '--format', 'json']).stdout);
        assert.equal(all, gamma.latestScan.summary.affected);
        await page.click('#findings a[href^="/cves/"] >> nth=0');
        await page.waitForURL(/\/cves\/CVE-/);
        assert.match((await page.textContent('main')) ?? '', /Exposed: \d+ products/);
        assert.deepEqual(problems, []);

        const noJs = await browser.newContext({ javaScriptEnabled: false });
        const plain = await noJs.newPage();
        await plain.goto(url('/'));
        assert.equal(await plain.locator('#fleet tbody tr').count(), 3);
        await plain.click('a[href="/products/alpha"]');
        assert.equal(await plain.locator('figure svg').count(), 2);
        await plain.screenshot({ path: join(dir, 'product-alpha.png'), fullPage: false });
      } finally {
        await browser.close();
      }
    },
  );
});
