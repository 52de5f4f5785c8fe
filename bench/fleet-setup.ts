/**
 * The load fleet of issue 13: 1,000 products on 8 branches, 50 of them with their own config and Kbuild tree
 * (hard-linked copies of Debian's 6.1.170 Kbuild tree, each read as its own tree), the rest by version, spread
 * over each branch's releases. The data "update" is real: a vulns repository (objects shared with
 * ../shared/data/vulns.git) first at its state of a month before the head, then moved to the head and synced.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runFleetAdd } from '../src/app/fleet/run-fleet-add.js';
import type { FleetStore } from '../src/domain/fleet-store.js';
import { extractSourceTarball } from '../src/sources/kbuild/extract-source-tarball.js';

export const BRANCHES = ['5.10', '5.15', '6.1', '6.6', '6.12', '6.18', '7.0', '7.1'] as const;
export const PRODUCTS = 1000;
export const WITH_TREE = 50;

/** A bare repository at `commit`, sharing the shared mirror's objects (no copy). */
export function vulnsRepoAt(shared: string, dir: string, commit: string): string {
  const repo = join(dir, 'vulns.git');
  if (!existsSync(repo)) {
    execFileSync('git', ['init', '-q', '--bare', repo]);
    execFileSync('sh', [
      '-c',
      `echo ${join(shared, 'vulns.git', 'objects')} > ${join(repo, 'objects', 'info', 'alternates')}`,
    ]);
  }
  execFileSync('git', ['-C', repo, 'update-ref', 'refs/heads/master', commit]);
  return repo;
}

/** The shared mirror's head, and its last commit a month before. */
export function headAndMonthBefore(shared: string, dir: string): { head: string; old: string } {
  const packed = readFileSync(join(shared, 'vulns.git', 'packed-refs'), 'utf8');
  const head = /^([0-9a-f]{40}) refs\/heads\/master$/m.exec(packed)?.[1];
  if (!head) throw new Error('no master in the shared vulns mirror');
  const repo = vulnsRepoAt(shared, dir, head);
  const date = execFileSync('git', ['-C', repo, 'log', '-1', '--format=%cI', head]).toString().trim();
  const before = new Date(Date.parse(date) - 31 * 86_400_000).toISOString();
  const old = execFileSync('git', ['-C', repo, 'rev-list', '-1', `--before=${before}`, head])
    .toString()
    .trim();
  return { head, old };
}

/** Every config file of the shared data, sorted. */
function sharedConfigs(shared: string): string[] {
  const out: string[] = [];
  for (const sub of ['configs', 'configs/distros', 'configs/defconfigs']) {
    const dir = join(shared, sub);
    for (const f of readdirSync(dir).sort())
      if (f.endsWith('.config') || sub.endsWith('defconfigs')) out.push(join(dir, f));
  }
  return out.filter((p) => !p.endsWith('/distros') && !p.endsWith('/defconfigs'));
}

/** Adds the load fleet to an empty store. */
export async function addLoadFleet(options: {
  readonly store: FleetStore;
  readonly shared: string;
  readonly dir: string;
  readonly cacheDir: string;
  readonly releases: Record<string, unknown>;
}): Promise<void> {
  const { store } = options;
  const { root: tree } = await extractSourceTarball(
    join(options.shared, 'source', 'linux-6.1.170-kbuild.tar.xz'),
    options.cacheDir,
  );
  const configs = sharedConfigs(options.shared);
  if (configs.length < WITH_TREE) throw new Error(`only ${configs.length} configs in the shared data`);
  for (let i = 0; i < WITH_TREE; i++) {
    const own = join(options.dir, 'trees', `product-${i}`);
    if (!existsSync(own)) {
      mkdirSync(join(options.dir, 'trees'), { recursive: true });
      rmSync(own, { recursive: true, force: true });
      execFileSync('cp', ['-al', tree, own]);
    }
    await runFleetAdd({
      store,
      name: `tree-${String(i).padStart(2, '0')}`,
      version: '6.1.170',
      config: configs[i],
      source: own,
      addedAt: '2026-08-01T00:00:00Z',
    });
  }
  const byBranch = new Map<string, string[]>();
  for (const name of Object.keys(options.releases)) {
    const m = /^(\d+\.\d+)\.(\d+)$/.exec(name);
    if (m && (BRANCHES as readonly string[]).includes(m[1] as string))
      byBranch.set(m[1] as string, [...(byBranch.get(m[1] as string) ?? []), name]);
  }
  const rest = PRODUCTS - WITH_TREE;
  for (let i = 0; i < rest; i++) {
    const branch = BRANCHES[i % BRANCHES.length] as string;
    const list = (byBranch.get(branch) ?? []).sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
    const version =
      list[Math.floor(((i / BRANCHES.length) * list.length) / Math.ceil(rest / BRANCHES.length))] ?? `${branch}.1`;
    const supportUntil = i % 5 === 0 ? '2030-12-31' : undefined;
    await runFleetAdd({
      store,
      name: `board-${String(i).padStart(3, '0')}`,
      version,
      supportUntil,
      addedAt: '2026-08-01T00:00:00Z',
    });
  }
}
