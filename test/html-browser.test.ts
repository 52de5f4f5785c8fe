/**
 * The HTML status report in a real browser: Debian's Chromium driven by playwright-core (no browser download).
 * The page opens from a file with no console errors and no network requests, the filter narrows the rows to what
 * the JSON report says, a header click sorts, and a screenshot is saved under the test's temp dir.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { BROWSER_SKIP, CHROMIUM, CHROMIUM_ARGS } from './helpers/browser.js';
import { realCliEnv } from './helpers/real-cli-env.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

const real = await realIndex();
const shared = sharedDataDir();
const skip = real === null || shared === null ? REAL_DATA_SKIP_REASON : BROWSER_SKIP;
const scratch = mkdtempSync(join(tmpdir(), 'kgap-html-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('status --format html in Chromium', () => {
  it('opens cleanly; filter and sort work; screenshot saved', { skip, timeout: 120_000 }, async () => {
    assert.ok(real && shared);
    const env = realCliEnv(real, shared);
    const page = join(scratch, 'status-6.1.170.html');
    const html = runCli(['status', '--version', '6.1.170', '--format', 'html', '--output', page], env);
    assert.equal(html.code, 0, html.stderr);
    const json = JSON.parse(runCli(['status', '--version', '6.1.170', '--format', 'json'], env).stdout);
    const findings = json.affected as { id: string; fixedOnBranch: string | null; cvss: number | null }[];

    const userDataDir = mkdtempSync(join(scratch, 'profile-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1200, height: 900 },
    });
    try {
      const tab = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      tab.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(page).href;
      await tab.goto(url);
      await tab.waitForSelector('#findings tbody tr');

      const visible = () => tab.locator('#findings tbody tr:not([hidden])').count();
      const counter = async () => Number(await tab.locator('#shown').textContent());
      assert.equal(await visible(), findings.length);
      assert.equal(await counter(), findings.length);

      // A release: the rows whose fix on the branch is 6.1.178, as the JSON report says.
      const byRelease = findings.filter((f) => f.fixedOnBranch === '6.1.178').length;
      assert.ok(byRelease > 100, `${byRelease} CVEs fixed by 6.1.178`);
      await tab.locator('#filter').fill('');
      await tab.locator('#filter').pressSequentially('6.1.178');
      assert.equal(await visible(), byRelease);
      assert.equal(await counter(), byRelease);

      // One CVE id: one row.
      await tab.locator('#filter').fill('');
      await tab.locator('#filter').pressSequentially('CVE-2024-26953');
      assert.equal(await visible(), 1);

      // Sort by CVSS: ascending, then descending puts the highest score first.
      await tab.locator('#filter').fill('');
      await tab.locator('#filter').dispatchEvent('input');
      const cvss = tab.locator('#findings thead th', { hasText: 'CVSS' });
      await cvss.click();
      await cvss.click();
      const top = Math.max(...findings.map((f) => f.cvss ?? -1));
      assert.equal(Number(await tab.locator('#findings tbody tr >> nth=0 >> td >> nth=1').textContent()), top);
      assert.equal(await cvss.getAttribute('aria-sort'), 'descending');

      const shot = join(scratch, 'status-6.1.170.png');
      await tab.screenshot({ path: shot, fullPage: false });
      const png = readFileSync(shot);
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.ok(png.length > 10_000, `${png.length} bytes`);
      if (process.env.KGAP_KEEP_SCREENSHOT) writeFileSync(process.env.KGAP_KEEP_SCREENSHOT, png);

      assert.deepEqual(problems, []);
      assert.deepEqual(
        requests.filter((r) => r !== url),
        [],
      );
    } finally {
      await context.close();
    }
  });
});
