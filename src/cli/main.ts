#!/usr/bin/env node
/**
 * The `kgap` entry point. `kgap --version` is answered before anything else is loaded, so it costs about what
 * starting Node costs; every other run loads the program (commander, then only the command being run). Users run
 * the bundle of this file (dist/bin/kgap.js, made by scripts/build-cli.mjs); dist/src/cli/main.js is the same
 * program unbundled. Nothing else is imported statically here: in the bundle this file is then one module.
 */
import { kgapVersion } from './version.js';

// EXIT.internal (errors.ts); not imported, so that the bundle's entry has no chunk to load.
const INTERNAL_ERROR = 3;

const argv = process.argv.slice(2);
try {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${kgapVersion()}\n`);
  } else {
    const { runProgram } = await import('./program.js');
    process.exitCode = await runProgram(argv, kgapVersion());
  }
} catch (error) {
  process.stderr.write(`kgap: internal error (this is a bug): ${String(error)}\n`);
  process.exitCode = INTERNAL_ERROR;
}
