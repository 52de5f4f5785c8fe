import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI entry point (dist/src/cli/main.js). */
export const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

export type CliRun = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

/** Runs the built `kgap` CLI as a user would, with extra environment. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
