#!/usr/bin/env node
/**
 * The `kgap` entry point. `kgap --version` is answered before anything else is loaded, so it costs about what
 * starting Node costs; every other run loads the program (commander, then only the command being run). Users run
 * the bundle of this file, dist/bin/kgap.cjs (scripts/build-cli.mjs): CommonJS, which Node starts a few
 * milliseconds faster than an ES module, so no top-level await here. dist/src/cli/main.js is the same program
 * unbundled.
 */
import { kgapVersion } from './version.js';

/** Set by the bundler (scripts/build-cli.mjs); absent when run unbundled. */
declare const KGAP_BUNDLED: boolean | undefined;

// EXIT.internal (errors.ts); not imported, so that the entry stays one small file.
const INTERNAL_ERROR = 3;

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${kgapVersion()}\n`);
} else {
  // The bundle has a program of its own for `kgap status`, the main job: fewer chunks to load (build-cli.mjs).
  const program: string =
    typeof KGAP_BUNDLED !== 'undefined' && argv[0] === 'status' ? './status/program.js' : './program.js';
  (import(program) as Promise<typeof import('./program.js')>)
    .then(({ runProgram }) => runProgram(argv, kgapVersion()))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`kgap: internal error (this is a bug): ${String(error)}\n`);
        process.exitCode = INTERNAL_ERROR;
      },
    );
}
