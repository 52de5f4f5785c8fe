import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CLI users run: the esbuild bundle `kgap` points at (dist/bin/kgap.cjs, scripts/build-cli.mjs), so a bundling
 * bug fails the e2e tests. dist/src/cli/main.js is the same program unbundled.
 */
export const CLI = fileURLToPath(new URL('../../bin/kgap.cjs', import.meta.url));

export type CliRun = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

/** Runs the built `kgap` CLI as a user would, with extra environment (an `undefined` value unsets a variable). */
export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): CliRun {
  // A test never touches the user's own fleet database ($XDG_DATA_HOME/kgap/fleet.db) or cache ($XDG_CACHE_HOME/kgap)
  // unless it says where.
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: join(scratchHome(), 'data'),
    XDG_CACHE_HOME: join(scratchHome(), 'cache'),
    ...env,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: merged,
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let home: string | null = null;

/** One scratch directory per test process, for the default fleet database and cache. */
function scratchHome(): string {
  home ??= mkdtempSync(join(tmpdir(), 'kgap-test-home-'));
  return home;
}
