/**
 * Runs the bundle's `kgap status` program (dist/bin/status/program.cjs) from V8's code cache. Node 20 compiles
 * every module from source on every run (its own compile cache, `module.enableCompileCache`, came in Node 22.1);
 * `vm.Script` takes the bytecode of an earlier run (`cachedData`), so a warm status run skips parsing and compiling
 * the functions the previous run used (docs/performance.md, "Start-up": ~20 ms of a 0.13 s run).
 *
 * The cache is an optimization and never an input: it lives in kgap's cache directory under `code/`, named by the
 * bundle's content hash (set at build time), the Node version and the architecture, so a rebuilt bundle or another
 * Node never meets a stale one; V8 itself rejects data from another V8 or other flags (then it is written again).
 * Reading or writing it never fails a run, and it is written whole (a temporary file renamed into place), readable
 * by this user only; a cache file another user owns or could write is never run.
 */
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';
import { resolveCacheDir } from '../sources/data/cache-dir.js';

type ProgramModule = typeof import('./program.js');

/** The loaded program, and what to call after a run that produced a report. */
export type CompiledProgram = {
  readonly program: ProgramModule;
  /** Writes the code cache when there was none or V8 refused it; a no-op otherwise. */
  readonly saveCodeCache: () => void;
};

const CACHE_PREFIX = 'status-';

/**
 * The bundle's status program (`status/program.cjs` in `binDir`), with its code cache for `bundleHash` in kgap's
 * cache directory as the command will resolve it from `argv` (`--cache-dir`) and the environment.
 */
export function loadStatusProgram(binDir: string, argv: readonly string[], bundleHash: string): CompiledProgram {
  return loadCompiledProgram(join(binDir, 'status', 'program.cjs'), codeCacheFile(argv, bundleHash));
}

/** The code cache's file on this Node and architecture, or null when the cache directory is refused. */
function codeCacheFile(argv: readonly string[], bundleHash: string): string | null {
  const at = argv.findIndex((a) => a === '--cache-dir' || a.startsWith('--cache-dir='));
  const given = at < 0 ? undefined : argv[at]?.includes('=') ? argv[at]?.slice('--cache-dir='.length) : argv[at + 1];
  try {
    const cacheDir = resolveCacheDir({ cacheDir: given, env: process.env, home: homedir(), tmpDir: tmpdir() });
    return join(cacheDir, 'code', `${CACHE_PREFIX}${bundleHash}-${process.version}-${process.arch}.v8`);
  } catch {
    return null; // the command refuses the directory itself, with its own message
  }
}

/** Loads the CommonJS program `file` as Node's loader would, with the code cache at `cacheFile` (null: none). */
function loadCompiledProgram(file: string, cacheFile: string | null): CompiledProgram {
  const cached = cacheFile === null ? undefined : readTrusted(cacheFile);
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData: cached,
    // An `import()` the program makes resolves as in any module. `vm.constants` came in Node 20.12; before it,
    // nothing `kgap status` runs imports dynamically (its other commands' imports are never reached, bundled
    // modules are initialized in place, and packages are `require`d), so the option can be left out.
    importModuleDynamically: (constants as Partial<typeof constants> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as ProgramModule };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    program: module.exports,
    saveCodeCache: () => {
      if (cacheFile === null || (cached !== undefined && !script.cachedDataRejected)) return;
      // Taken after the run, the data holds every function the run compiled, not only the top level.
      writeCodeCache(cacheFile, script.createCachedData());
    },
  };
}

/**
 * The code cache's bytes, only from a file this user owns that nobody else may write. Bytecode is code: unlike the
 * data files beside it, a cache someone else could plant or change (a shared `--cache-dir`, a group-writable
 * volume) would run as this process, so such a file is ignored and replaced (docs/security.md). Read through the
 * descriptor that was checked, so the file cannot be swapped between the check and the read.
 */
function readTrusted(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    const uid = process.getuid?.();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeCodeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  const temp = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // A read-only or full cache directory costs the next run its speed, nothing else.
    rmSync(temp, { force: true });
    return;
  }
  // Caches of earlier builds or other Node versions: one file each, never read again. (Another run's temporary
  // file is left alone; one a killed run left behind goes with the cache's other stale temps, stale-temps.ts.)
  try {
    for (const name of readdirSync(dir)) {
      if (name.startsWith(CACHE_PREFIX) && name.endsWith('.v8') && join(dir, name) !== file)
        rmSync(join(dir, name), { force: true });
    }
  } catch {
    // Left for the next writer.
  }
}
