/**
 * The hostile-input harness: runs the built CLI as a user would, under a memory limit (`prlimit --as`) and a time
 * limit, in a scratch directory whose every part but the cache must stay as it was. Each case in this folder builds
 * one hostile input or fault and asserts the exit code, the one-line message, that nothing was written outside the
 * cache, and that time and memory stayed bounded (docs/security.md).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../helpers/run-cli.js';

/** The address-space limit every hostile run gets: a run that tries to hold an endless input dies instead. */
export const MEMORY_LIMIT_BYTES = 2 * 1024 * 1024 * 1024;
/** Every hostile run must end well within this. */
export const TIME_LIMIT_MS = 60_000;

const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

/** A scratch area: `inputs/` (what the case hands kgap), `cache/`, and `cwd/` + `tmp/` that must stay empty. */
export class Scratch {
  readonly root: string;
  readonly inputs: string;
  readonly cache: string;
  readonly cwd: string;
  readonly tmp: string;

  constructor(name: string) {
    this.root = mkdtempSync(join(process.env.TMPDIR || tmpdir(), `kgap-hostile-${name}-`));
    this.inputs = join(this.root, 'inputs');
    this.cache = join(this.root, 'cache');
    this.cwd = join(this.root, 'cwd');
    this.tmp = join(this.root, 'tmp');
    for (const d of [this.inputs, this.cwd, this.tmp]) mkdirSync(d, { recursive: true });
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Path, kind, size and mtime of everything below `dir` (not following links): what "unchanged" compares. */
export function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      const st = statSync(join(dir, path), { throwIfNoEntry: false });
      out.push(
        `${path} ${e.isDirectory() ? 'd' : e.isSymbolicLink() ? 'l' : 'f'} ${st?.size ?? '-'} ${st?.mtimeMs ?? '-'}`,
      );
      if (e.isDirectory()) walk(path);
    }
  };
  walk('');
  return out.sort();
}

export type HostileRun = {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
};

/**
 * Runs `kgap ARGS` in `scratch.cwd` with TMPDIR=`scratch.tmp`, under the memory and time limits, and checks the
 * parts of the scratch area outside the cache did not change. Environment: the caller's, plus `env`.
 */
export function runHostile(scratch: Scratch, args: readonly string[], env: Record<string, string> = {}): HostileRun {
  const before = listing(scratch.inputs);
  const node = [process.execPath, '--max-old-space-size=512', CLI, ...args];
  const command = hasPrlimit ? ['prlimit', `--as=${MEMORY_LIMIT_BYTES}`, '--', ...node] : node;
  const started = performance.now();
  const r = spawnSync(command[0] as string, command.slice(1), {
    cwd: scratch.cwd,
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: scratch.tmp, ...env },
    timeout: TIME_LIMIT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  assert.notEqual(r.signal, 'SIGTERM', `kgap ${args.join(' ')} did not end within ${TIME_LIMIT_MS} ms`);
  assert.deepEqual(readdirSync(scratch.cwd), [], 'kgap wrote into the current directory');
  assert.deepEqual(readdirSync(scratch.tmp), [], 'kgap wrote into TMPDIR (outside its cache)');
  assert.deepEqual(listing(scratch.inputs), before, 'kgap changed its inputs');
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms };
}

/** Asserts a refusal: exit 2, no trace, and stderr ending in one `kgap:` line that matches `message`. */
export function assertRefused(run: HostileRun, message: RegExp): void {
  assert.equal(run.code, 2, `exit ${run.code} (${run.signal ?? 'no signal'}); stderr:\n${run.stderr}`);
  assertNoTrace(run);
  const last = run.stderr.trimEnd().split('\n').at(-1) ?? '';
  assert.match(last, /^kgap: /, run.stderr);
  assert.match(last, message);
}

/** No stack trace and no internal error on stderr. */
export function assertNoTrace(run: HostileRun): void {
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at \S+ \(|node:internal|Error: /, run.stderr);
}

/** True when this process may mount file systems (root, with mount available): the fault cases need tmpfs. */
export function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-mount-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
}
