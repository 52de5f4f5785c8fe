import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The CLI users run: the esbuild bundle that package.json's `bin` points at (scripts/build-cli.mjs). */
export const CLI = fileURLToPath(new URL('../bin/kgap.cjs', import.meta.url));
/** The same program as tsc emits it, one module per source file: the start-up baseline. */
export const UNBUNDLED_CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const TIME = '/usr/bin/time';

/** One whole process: wall seconds, CPU seconds (user + sys) and peak RSS of the largest process. */
export type CliTiming = {
  readonly wall: number;
  /** From GNU time when present: on a loaded 2-core machine wall time measures the queue, CPU time the work. */
  readonly cpu: number | null;
  readonly maxRssMb: number | null;
  readonly code: number | null;
  readonly stderr: string;
};

/** Variables to set for the child, over this process's environment; `undefined` unsets one. */
export type ChildEnv = Readonly<Record<string, string | undefined>>;

/**
 * Runs `node ARGS` as a whole process, timed: under GNU time when it is installed and `gnuTime` is not false. GNU
 * time's own start adds ~1 ms to the wall time (measured, docs/performance.md), which matters only for the start-up
 * bench: it times the wall without it and the CPU in a run of its own.
 */
export function timeNode(args: readonly string[], env: ChildEnv = {}, gnuTime = true): CliTiming {
  const useTime = gnuTime && existsSync(TIME);
  const argv = useTime ? ['-f', 'KGAP_STATS=%U %S %M', process.execPath, ...args] : [...args];
  const start = performance.now();
  const r = spawnSync(useTime ? TIME : process.execPath, argv, {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = (performance.now() - start) / 1000;
  const m = /KGAP_STATS=([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  return {
    wall,
    cpu: m ? Number(m[1]) + Number(m[2]) : null,
    maxRssMb: m ? Math.round(Number(m[3]) / 1024) : null,
    code: r.status,
    stderr: r.stderr ?? '',
  };
}

/** Runs the built kgap CLI as a user would (the bundle unless `cli` says otherwise), timed. */
export function timeCli(args: readonly string[], env: ChildEnv, cli: string = CLI, gnuTime = true): CliTiming {
  return timeNode([cli, ...args], env, gnuTime);
}

/** Like `timeCli` with KGAP_CACHE_DIR set; throws when the command fails (a bench must not time an error). */
export function cliSeconds(args: readonly string[], cacheDir: string): { wall: number; cpu: number | null } {
  const t = timeCli(args, { KGAP_CACHE_DIR: cacheDir });
  if (t.code !== 0) throw new Error(`kgap ${args.join(' ')} failed: ${t.stderr}`);
  return { wall: t.wall, cpu: t.cpu };
}
