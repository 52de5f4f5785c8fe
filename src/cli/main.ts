#!/usr/bin/env node
/**
 * The `kgap` entry point. `kgap --version` is answered before anything else is loaded, so it costs about what
 * starting Node costs; every other run loads the program (commander, then only the command being run). Users run
 * the bundle of this file, dist/bin/kgap.cjs (scripts/build-cli.mjs): CommonJS, which Node starts a few
 * milliseconds faster than an ES module, so no top-level await here. dist/src/cli/main.js is the same program
 * unbundled.
 */
import { writeStdout } from './stdout.js';
import { kgapVersion } from './version.js';

/** Set by the bundler (scripts/build-cli.mjs); absent when run unbundled. */
declare const KGAP_BUNDLED: boolean | undefined;
/** The content hash of the bundle's status program (scripts/build-cli.mjs), which names its code cache. */
declare const KGAP_STATUS_HASH: string;

// EXIT.usage and EXIT.internal (errors.ts); not imported, so that the entry stays one small file.
const USAGE_ERROR = 2;
const INTERNAL_ERROR = 3;
// EXIT.ok and EXIT.threshold: a run that produced a report, whose compiled code is worth keeping.
const REPORTED = new Set([0, 1]);

type Program = typeof import('./program.js');

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  writeStdout(`${kgapVersion()}\n`).catch((error: Error) => {
    process.stderr.write(`kgap: ${error.message}\n`);
    process.exitCode = USAGE_ERROR;
  });
} else {
  let afterRun = (_code: number): void => {};
  const loaded: Promise<Program> =
    typeof KGAP_BUNDLED !== 'undefined' && argv[0] === 'status'
      ? // The bundle's program of its own for `kgap status`, the main job, run from V8's code cache. Imported
        // lazily (esbuild inlines it behind an init function), so that `--version` does not load it.
        import('./compiled-program.js').then(({ loadStatusProgram }) => {
          const compiled = loadStatusProgram(__dirname, argv, KGAP_STATUS_HASH);
          afterRun = (code) => {
            if (REPORTED.has(code)) compiled.saveCodeCache();
          };
          return compiled.program;
        })
      : (import('./program.js') as Promise<Program>);
  loaded
    .then(({ runProgram }) => runProgram(argv, kgapVersion()))
    .then(
      (code) => {
        process.exitCode = code;
        afterRun(code);
      },
      (error: unknown) => {
        process.stderr.write(`kgap: internal error (this is a bug): ${String(error)}\n`);
        process.exitCode = INTERNAL_ERROR;
      },
    );
}
