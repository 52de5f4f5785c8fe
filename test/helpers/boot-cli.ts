/**
 * What the end-to-end boot tests share: a scratch directory removed after the file's tests, one kgap cache in it
 * (the initramfs and extracted vmlinux are built once per file), and the built CLI run with a timeout long
 * enough for two TCG boots on a loaded 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { CLI, type CliRun } from './run-cli.js';

/** A scratch directory for one test file (removed after it) and the cache directory inside it. */
export function bootScratch(prefix: string): { readonly work: string; readonly cacheDir: string } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(work, { recursive: true, force: true }));
  return { work, cacheDir: join(work, 'cache') };
}

/** Runs the built `kgap` with these arguments and this environment (default: the test's own). */
export function kgapBoot(args: readonly string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env, timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
