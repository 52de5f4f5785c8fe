import { homedir, tmpdir } from 'node:os';
import type { Command } from 'commander';
import { printableLine } from '../formats/text/printable.js';
import { resolveCacheDir } from '../sources/data/cache-dir.js';
import { type DataFlags, type DataOptions, resolveDataOptions } from '../sources/data/data-options.js';

export type { DataFlags };

/** Adds the data-source flags every data-reading command takes. */
export function withDataFlags(command: Command): Command {
  return withReleaseFlags(
    command.option('--vulns-repo <url|path>', 'kernel CNA vulns repository (env KGAP_VULNS_REPO)'),
  );
}

// Whether a progress line was drawn on a terminal, so that `endProgress` clears only what was drawn.
let lineDrawn = false;

/**
 * Progress on stderr: a rewritten status line on a terminal, plain lines otherwise (never on stdout). Nothing
 * touches `process.stderr` until there is progress to show: building that stream costs a warm `kgap status`, which
 * shows none, ~2 ms (a CPU profile of the warm run, docs/performance.md).
 */
export function stderrProgress(): (message: string) => void {
  return (raw) => {
    const message = printableLine(raw);
    const counts = /^(.*?)(\d+)\/(\d+)(.*)$/.exec(message);
    if (process.stderr.isTTY !== true) {
      if (!counts) process.stderr.write(`${message}\n`);
      return;
    }
    lineDrawn = true;
    if (!counts) return void process.stderr.write(`\r\x1b[2K${message}`);
    const share = Math.min(1, Number(counts[2]) / Math.max(1, Number(counts[3])));
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-');
    process.stderr.write(`\r\x1b[2K[${bar}] ${Math.round(share * 100)}% ${message}`);
  };
}

/** Resolves data options from a command's flags and the environment. */
export function dataOptionsFrom(opts: DataFlags): DataOptions {
  const progress = stderrProgress();
  return resolveDataOptions(opts, process.env, progress);
}

/** Ends a rewritten progress line so the next output starts clean. */
export function endProgress(): void {
  if (!lineDrawn) return;
  lineDrawn = false;
  process.stderr.write('\r\x1b[2K');
}

/** Writes a use-case's warnings and notes to stderr, one line each (`kgap: warning: …`, `kgap: …`). */
export function writeNotes(outcome: {
  readonly warnings?: readonly string[];
  readonly notes?: readonly string[];
}): void {
  // Warnings quote inputs (paths, Makefile lines, record text): one line each, no control characters.
  for (const w of outcome.warnings ?? []) process.stderr.write(`kgap: warning: ${printableLine(w)}\n`);
  for (const n of outcome.notes ?? []) process.stderr.write(`kgap: ${printableLine(n)}\n`);
}

/**
 * Adds the data-source flags of a command that reads release dates but not the vulns repository (`harden`):
 * `--releases` and `--cache-dir` as `withDataFlags` declares them, resolved by `dataOptionsFrom` alike.
 */
export function withReleaseFlags(command: Command): Command {
  return command
    .option('--releases <url|path>', 'release dates JSON, endoflife-date format (env KGAP_RELEASES)')
    .option('--cache-dir <dir>', 'cache directory (default $XDG_CACHE_HOME/kgap)');
}

/** The cache directory from a `--cache-dir` flag, else the environment: the one resolver, for commands without
 * other data flags (`boot`, `gate`). */
export function cacheDirFrom(cacheDir: string | undefined): string {
  return resolveCacheDir({ cacheDir, env: process.env, home: homedir(), tmpDir: tmpdir() });
}
