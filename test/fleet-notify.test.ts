/**
 * Notifications against a local HTTP receiver: a scan after new data posts `new-cves` and `new-release` to every
 * webhook (kgap's JSON document and a Slack-compatible text), retries a receiver that fails, gives up on one that
 * refuses, and records every delivery.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Json } from './helpers/json.js';
import { runCli } from './helpers/run-cli.js';
import { runCliAsync } from './helpers/run-cli-async.js';
import { SyntheticVulnsRepo } from './helpers/synthetic-vulns.js';

const sha = (c: string) => c.repeat(40);

describe('fleet notifications', () => {
  const repo = new SyntheticVulnsRepo();
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-notify-'));
  const received: { path: string; body: unknown }[] = [];
  let failuresLeft = 2;
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => {
      if (req.url === '/refuse') return void res.writeHead(400).end('no');
      if (req.url === '/flaky' && failuresLeft > 0) {
        failuresLeft--;
        return void res.writeHead(503).end('busy');
      }
      received.push({ path: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(204).end();
    });
  });
  after(() => {
    server.close();
    repo.remove();
  });
  const releases = (extra: Record<string, string>) => {
    const file = join(dir, `releases-${Object.keys(extra).length}.json`);
    const versions: Record<string, { name: string; date: string }> = {};
    for (const [name, date] of Object.entries({
      '6.1': '2022-12-11',
      '6.1.40': '2023-07-23',
      '6.1.50': '2023-09-02',
      ...extra,
    }))
      versions[name] = { name, date };
    writeFileSync(file, JSON.stringify({ releases: {}, versions }));
    return file;
  };
  const db = join(dir, 'fleet.db');
  const cache = join(dir, 'cache');
  const kgap = (args: string[], rel?: string) =>
    runCliAsync([
      ...args,
      '--db',
      db,
      ...(rel ? ['--cache-dir', cache, '--vulns-repo', repo.dir, '--releases', rel] : []),
    ]);

  it('posts new CVEs and a new release with retries, and records the deliveries', { timeout: 120_000 }, async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    repo.commit(
      [{ id: 'CVE-2024-1001', title: 'net: first bug', dyad: `6.1:${sha('1')}:6.1.50:${sha('2')}\n` }],
      '2024-01-10T10:00:00Z',
    );
    const r1 = releases({});
    assert.equal(runCli(['sync', '--cache-dir', cache, '--vulns-repo', repo.dir, '--releases', r1]).code, 0);
    assert.equal((await kgap(['fleet', 'add', 'p', '--version', '6.1.40'])).code, 0);
    assert.equal((await kgap(['fleet', 'webhook', 'add', `${base}/flaky`])).code, 0);
    assert.equal((await kgap(['fleet', 'webhook', 'add', `${base}/slack`, '--payload', 'slack'])).code, 0);
    assert.equal((await kgap(['fleet', 'webhook', 'add', `${base}/refuse`])).code, 0);
    const first = await kgap(['fleet', 'scan', '--format', 'json'], r1);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout).scanned[0].events, [], 'the first scan is the baseline');
    assert.equal(received.length, 0);

    repo.commit(
      [{ id: 'CVE-2024-1002', title: 'mm: second <bug> & more', dyad: `6.1:${sha('3')}:6.1.51:${sha('4')}\n` }],
      '2024-02-10T10:00:00Z',
    );
    const r2 = releases({ '6.1.51': '2023-09-06' });
    assert.equal(runCli(['sync', '--cache-dir', cache, '--vulns-repo', repo.dir, '--releases', r2]).code, 0);
    const second = await kgap(['fleet', 'scan', '--format', 'json', '--dashboard-url', 'http://fleet.example/'], r2);
    assert.equal(second.code, 0, second.stderr);
    const report = JSON.parse(second.stdout);
    assert.deepEqual(report.scanned[0].events, ['new-cves', 'new-release']);
    assert.deepEqual(report.deliveries, { delivered: 4, failed: 2 });

    const json = received.filter((r) => r.path === '/flaky').map((r) => r.body as Json);
    assert.equal(json.length, 2);
    assert.deepEqual(json[0], {
      schemaVersion: 1,
      event: 'new-cves',
      product: { name: 'p', version: '6.1.40', branch: '6.1', link: 'http://fleet.example/products/p' },
      scannedAt: json[0]?.scannedAt,
      data: { vulnsCommit: json[0]?.data.vulnsCommit, releasesAsOf: '2023-09-06' },
      cves: [
        { id: 'CVE-2024-1002', cvss: null, severity: null, title: 'mm: second <bug> & more', relevance: 'no-config' },
      ],
    });
    assert.deepEqual(json[1]?.release, {
      previousLatest: '6.1.50',
      latest: '6.1.51',
      latestDate: '2023-09-06',
      releasesBehind: 2,
    });
    const slack = received.filter((r) => r.path === '/slack').map((r) => r.body as { text: string });
    assert.match(
      slack[0]?.text ?? '',
      /^kgap: \*p\* \(6\.1\.40\) is newly exposed to 1 CVE\n• CVE-2024-1002 \(unscored\): mm: second <bug> & more\nhttp:\/\/fleet\.example\/products\/p$/,
    );
    assert.match(
      slack[1]?.text ?? '',
      /^kgap: 6\.1\.51 is out \(2023-09-06\): \*p\* \(6\.1\.40\) is on branch 6\.1; 2 release\(s\) behind/,
    );

    const deliveries = JSON.parse((await kgap(['fleet', 'deliveries', '--format', 'json'])).stdout)
      .deliveries as Json[];
    const byUrl = (u: string) => deliveries.filter((d) => d.url === `${base}${u}`);
    assert.deepEqual(
      byUrl('/flaky').map((d) => [d.status, d.attempts]),
      [
        ['delivered', 1],
        ['delivered', 3],
      ],
    );
    assert.deepEqual(
      byUrl('/refuse').map((d) => [d.status, d.attempts, d.lastError]),
      [
        ['failed', 1, 'HTTP 400'],
        ['failed', 1, 'HTTP 400'],
      ],
    );
    assert.equal(
      JSON.parse((await kgap(['fleet', 'deliveries', '--pending', '--format', 'json'])).stdout).deliveries.length,
      0,
    );
  });
});
