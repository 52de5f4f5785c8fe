/**
 * A real browser for the dashboard tests: Debian's chromium driven by playwright-core, headless, no network of its
 * own, and the console's errors and warnings collected (a page that logs one fails its test).
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.KGAP_CHROMIUM ?? '/usr/bin/chromium';

// The flags a root, offline sandbox needs (/work/.library/env/machines/node.md): no sandbox, no GPU, and no
// background networking, which this machine's closed network would refuse many times over.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why browser tests skip when chromium is not installed (false when it is). */
export const BROWSER_SKIP: string | false = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set KGAP_CHROMIUM; .ci/run installs it)`;

/** Launches chromium headless. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Collects the page's console errors and warnings, and its uncaught errors, into the list returned. */
export function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}
