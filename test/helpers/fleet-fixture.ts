import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataDir } from '../../src/sources/data/data-options.js';
import { realIndex } from './real-index.js';
import { type CliRun, runCli } from './run-cli.js';

/** The real data for fleet tests: the shared mirrors, a built index, and the inputs of products. */
export type FleetFixture = {
  readonly cacheDir: string;
  readonly shared: string;
  readonly config: string;
  readonly source: string;
  /** A real Kbuild build directory (its .config and `.*.o.cmd` files), extracted once. */
  readonly buildDir: string;
  /** Runs `kgap ARGS --db DB` with the fixture's data. */
  readonly kgap: (db: string, args: readonly string[], env?: Record<string, string>) => CliRun;
  /** Runs `kgap ARGS` (no --db) with the fixture's data flags appended where the command takes them. */
  readonly status: (args: readonly string[]) => unknown;
};

let pending: Promise<FleetFixture | null> | null = null;

async function load(): Promise<FleetFixture | null> {
  const shared = sharedDataDir();
  const real = await realIndex();
  if (shared === null || real === null) return null;
  const buildDir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-build-'));
  execFileSync('tar', ['-xJf', join(shared, 'build', 'linux-6.1.170-x86_64-small-build.tar.xz'), '-C', buildDir]);
  const dataFlags = [
    '--cache-dir',
    real.cacheDir,
    '--vulns-repo',
    join(shared, 'vulns.git'),
    '--releases',
    join(shared, 'linux-kernel-releases.json'),
  ];
  const withData = (args: readonly string[]) =>
    args[1] === 'scan' || args[0] === 'status' ? [...args, ...dataFlags] : [...args];
  return {
    cacheDir: real.cacheDir,
    shared,
    config: join(shared, 'configs', 'debian-6.1.170-3-amd64.config'),
    source: join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz'),
    buildDir,
    kgap: (db, args, env = {}) => runCli([...withData(args), '--db', db], env),
    status: (args) => {
      const r = runCli([...withData(['status', ...args]), '--format', 'json']);
      if (r.code !== 0) throw new Error(`kgap status failed: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
  };
}

/** The fixture, made once per process; null when the shared data is absent (skip with REAL_DATA_SKIP_REASON). */
export function fleetFixture(): Promise<FleetFixture | null> {
  pending ??= load();
  return pending;
}
