import type { Command } from 'commander';
import { type DataOptions, resolveDataOptions } from '../sources/data/data-options.js';

/** Adds the data-source flags every data-reading command takes. */
export function withDataFlags(command: Command): Command {
  return command
    .option('--vulns-repo <url|path>', 'kernel CNA vulns repository (env KGAP_VULNS_REPO)')
    .option('--releases <url|path>', 'release dates JSON, endoflife-date format (env KGAP_RELEASES)')
    .option('--cache-dir <dir>', 'cache directory (default $XDG_CACHE_HOME/kgap)');
}

/** Progress on stderr: a rewritten status line on a terminal, plain lines otherwise (never on stdout). */
export function stderrProgress(): (message: string) => void {
  const tty = process.stderr.isTTY === true;
  return (message) => {
    if (tty) process.stderr.write(`\r\x1b[2K${message}`);
    else if (!/read \d+\/\d+/.test(message)) process.stderr.write(`${message}\n`);
  };
}

/** Resolves data options from a command's flags and the environment. */
export function dataOptionsFrom(opts: { vulnsRepo?: string; releases?: string; cacheDir?: string }): DataOptions {
  const progress = stderrProgress();
  return resolveDataOptions(opts, process.env, progress);
}

/** Ends a rewritten progress line so the next output starts clean. */
export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}
