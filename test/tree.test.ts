import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type GenTreeResult, selectRecords } from '../scripts/gen-tree.js';
import { assessExposure } from '../src/analysis/exposure/assess-exposure.js';
import { readTreeExposure } from '../src/app/status/read-tree-exposure.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { type DataOptions, sharedDataDir } from '../src/sources/data/data-options.js';
import { readReleases } from '../src/sources/releases/read-releases.js';
import { readIndex } from '../src/sources/vulns/read-index.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { generateRealTree } from './helpers/real-tree.js';
import { runCli } from './helpers/run-cli.js';

const real = await realIndex();
const shared = sharedDataDir();
const skip = real === null || shared === null ? REAL_DATA_SKIP_REASON : false;
const scratch = mkdtempSync(join(tmpdir(), 'kgap-tree-'));
const cacheDir = join(scratch, 'cache');
let gen: GenTreeResult;
let data: DataOptions;
let env: Record<string, string> = {};
const PREFER = ['CVE-2025-21629', 'CVE-2022-48628'];
// Records whose 6.1 verdicts turn on one introduction at a time (docs/semantics.md, rules 1, 3 and 5): a mainline
// introduction closed by the branch's only fix, an unpaired stable one, a fix from before the fork, a reintroduction.
const ON_61 = ['CVE-2024-35974', 'CVE-2023-53012', 'CVE-2021-47295', 'CVE-2025-38585', 'CVE-2023-54164'];
// The same on 6.6: two introductions each with its own fix, and three fixes for one introduction.
const ON_66 = ['CVE-2025-40237', 'CVE-2023-52920', 'CVE-2025-21629'];

before(async () => {
  // A small tree from real records: every 25th record plus the preferred ones, 6.1.1..6.1.130, vendor on 6.1.110.
  const made = await generateRealTree(cacheDir, (source) => ({
    ...source,
    outDir: join(scratch, 'gen'),
    records: selectRecords(source.records, { every: 25, prefer: [...PREFER, ...ON_61] }),
    branch: '6.1',
    stableUpTo: 130,
    vendorBase: 110,
    mainlineFillers: 2000,
    stableFillers: 5,
    vendorOnly: 12,
    prefer: PREFER,
  }));
  if (made === null) return;
  ({ gen, data, env } = made);
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const tree = (rev = 'HEAD', upstreamRef: string | null = null) =>
  readTreeExposure({ path: gen.treeDir, rev, upstreamRef, data });

/**
 * Tree mode at `v<version>` of a generated stable tree against version mode, finding by finding (id, fixing release,
 * ambiguity and its reason); `must` names findings that have to be among them (`id fixedOnBranch certain|ambiguous`).
 */
async function assertConsistent(
  treeDir: string,
  d: DataOptions,
  versions: readonly string[],
  must: Record<string, readonly string[]>,
): Promise<void> {
  const index = await readIndex(d);
  const releases = await readReleases(d.releases, d.cacheDir);
  for (const version of versions) {
    const byTree = (await readTreeExposure({ path: treeDir, rev: `v${version}`, upstreamRef: null, data: d })).report;
    const byVersion = assessExposure(
      index,
      releases,
      parseKernelVersion(version) as NonNullable<ReturnType<typeof parseKernelVersion>>,
    );
    const pick = (fs: typeof byTree.affected) =>
      fs.map((f) => [f.id, f.fixedOnBranch ?? '-', f.ambiguous ? 'ambiguous' : 'certain', f.ambiguousReason].join(' '));
    assert.deepEqual(pick(byTree.affected), pick(byVersion.affected), version);
    assert.ok(byTree.affected.length > 20, `${version}: ${byTree.affected.length} affected`);
    const found = pick(byTree.affected).map((line) => line.split(' ').slice(0, 3).join(' '));
    for (const expected of must[version] ?? []) assert.ok(found.includes(expected), `${version}: ${expected}`);
  }
}

describe('kgap status --tree on a generated tree', () => {
  it('every planted vendor case gets its verdict and evidence kind', { skip }, async () => {
    const { verdicts } = await tree();
    assert.ok(gen.cases.length >= 9, `cases planted: ${gen.cases.map((c) => c.case).join(', ')}`);
    for (const c of gen.cases) {
      const v = verdicts.get(c.id);
      assert.ok(v, c.id);
      assert.deepEqual(
        [c.case, v.verdict, v.evidence.kind],
        [c.case, c.expect.verdict, c.expect.kind],
        v.evidence.detail,
      );
    }
    assert.ok(gen.cases.some((c) => c.id === 'CVE-2025-21629' && c.case === 'intro-backport'));
  });

  it('consistency: a plain stable tree at vX.Y.Z says what `--version X.Y.Z` says', { skip }, async () => {
    await assertConsistent(gen.treeDir, data, ['6.1.1', '6.1.2', '6.1.10', '6.1.17', '6.1.60', '6.1.110', '6.1.130'], {
      // Before rules version 4 the tree said "not affected" here: the 5.18 introduction has no 6.1 line of its own.
      '6.1.10': ['CVE-2024-35974 6.1.17 certain', 'CVE-2021-47295 6.1.18 ambiguous', 'CVE-2025-38585 - certain'],
      '6.1.2': ['CVE-2023-53012 6.1.9 ambiguous'],
      '6.1.17': ['CVE-2021-47295 6.1.18 ambiguous'],
      '6.1.60': ['CVE-2025-38585 - certain'],
    });
  });

  it('consistency through the CLI: the JSON documents differ only by the tree fields', { skip }, () => {
    const t = runCli(['status', '--tree', gen.treeDir, '--rev', 'v6.1.110', '--format', 'json'], env);
    const v = runCli(['status', '--version', '6.1.110', '--format', 'json'], env);
    assert.equal(t.code, 0, t.stderr);
    assert.equal(v.code, 0, v.stderr);
    const td = JSON.parse(t.stdout);
    const vd = JSON.parse(v.stdout);
    assert.deepEqual(td.base, { makefile: '6.1.110', tag: 'v6.1.110' });
    assert.equal(td.vendorCommits, 0);
    for (const f of td.affected)
      assert.ok(['intro-present', 'no-fix-in-history', 'fix-commit'].includes(f.evidence.kind), f.id);
    delete td.base;
    delete td.vendorCommits;
    delete td.tree;
    for (const f of td.affected) delete f.evidence;
    assert.deepEqual(td, vd);
    assert.equal(Object.hasOwn(vd, 'base') || Object.hasOwn(vd.affected[0] ?? {}, 'evidence'), false);
  });

  it('vendor branch JSON: base, vendor delta count, evidence per finding, fixes carried ahead', { skip }, () => {
    const r = runCli(['status', '--tree', gen.treeDir, '--format', 'json'], env);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    const delta = Number(
      execFileSync('git', ['-C', gen.treeDir, 'rev-list', '--count', 'v6.1.110..vendor'], { encoding: 'utf8' }),
    );
    assert.equal(doc.vendorCommits, delta);
    assert.deepEqual(doc.base, { makefile: '6.1.110', tag: 'v6.1.110' });
    assert.equal(doc.summary.affected, doc.affected.length);
    for (const f of doc.affected) {
      assert.match(f.evidence.kind, /^[a-z-]+$/);
      assert.ok(['high', 'medium', 'low'].includes(f.evidence.confidence));
    }
    const ahead = doc.tree.carriedAhead.map((c: { id: string }) => c.id);
    for (const c of gen.cases.filter((x) => x.expect.verdict === 'fixed')) assert.ok(ahead.includes(c.id), c.id);
    const again = runCli(['status', '--tree', gen.treeDir, '--format', 'json'], env);
    assert.equal(again.stdout, r.stdout, 'byte-stable');
  });

  it('--explain shows the evidence behind one verdict', { skip }, () => {
    const r = runCli(['status', '--tree', gen.treeDir, '--explain', 'CVE-2025-21629'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^CVE-2025-21629: affected at HEAD/);
    assert.match(r.stdout, /intro-present .*confidence high/);
    const j = JSON.parse(
      runCli(['status', '--tree', gen.treeDir, '--explain', 'CVE-2025-21629', '--format', 'json'], env).stdout,
    );
    assert.equal(j.verdict, 'affected');
    const bad = runCli(['status', '--tree', gen.treeDir, '--explain', 'CVE-1999-0001'], env);
    assert.equal(bad.code, 2);
    assert.equal(runCli(['status', '--version', '6.1.1', '--explain', 'CVE-2025-21629'], env).code, 2);
  });

  it('a repeat scan of an unchanged revision comes from the cache', { skip }, async () => {
    await tree('v6.1.60');
    const started = performance.now();
    const again = await tree('v6.1.60');
    assert.equal(again.cached, true);
    assert.ok(performance.now() - started < 1000);
  });
});

describe('kgap status --tree on a generated 6.6 tree', () => {
  let tree66: GenTreeResult;
  let data66: DataOptions;
  before(async () => {
    const made = await generateRealTree(join(scratch, 'cache-6.6'), (source) => ({
      ...source,
      outDir: join(scratch, 'gen-6.6'),
      records: selectRecords(source.records, { every: 40, prefer: ON_66 }),
      branch: '6.6',
      stableUpTo: 116,
      vendorBase: null,
      mainlineFillers: 500,
      stableFillers: 2,
      vendorOnly: 0,
    }));
    if (made === null) return;
    tree66 = made.gen;
    data66 = made.data;
  });

  it(
    'consistency: a plain 6.6 tree says what `--version 6.6.N` says, introduction by introduction',
    { skip },
    async () => {
      await assertConsistent(tree66.treeDir, data66, ['6.6.72', '6.6.73', '6.6.80', '6.6.115'], {
        // Two introductions, each with its own fix: certain at 6.6.80 (the tree used to say ambiguous, and at 6.6.73
        // affected, counting both fixes against one introduction).
        '6.6.72': ['CVE-2025-40237 6.6.73 certain'],
        '6.6.80': ['CVE-2025-40237 6.6.115 certain', 'CVE-2023-52920 6.6.140 ambiguous'],
      });
      const at = async (rev: string) =>
        (await readTreeExposure({ path: tree66.treeDir, rev, upstreamRef: null, data: data66 })).verdicts;
      assert.equal((await at('v6.6.73')).get('CVE-2025-40237')?.verdict, 'fixed');
      assert.equal((await at('v6.6.115')).get('CVE-2025-40237')?.verdict, 'fixed');
    },
  );
});

describe('kgap status --tree: bad input', () => {
  const userError = (args: string[], pattern: RegExp) => {
    const r = runCli(['status', ...args], env);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('kgap: '));
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0] ?? '', pattern);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  };
  it('not a git repository, a missing path, an unknown --rev', { skip }, () => {
    const plain = join(scratch, 'plain dir');
    mkdirSync(plain, { recursive: true });
    userError(['--tree', plain], /not a git repository/);
    userError(['--tree', join(scratch, 'nope')], /no such directory/);
    userError(['--tree', gen.treeDir, '--rev', 'v9.9.9'], /--rev "v9.9.9" is not a commit/);
    userError(['--tree', gen.treeDir, '--upstream-ref', 'no-such-branch'], /--upstream-ref/);
    userError(['--tree', gen.treeDir, '--version', '6.1.1'], /give one of --version, --running or --tree/);
  });
  it('a repository without a kernel Makefile', { skip }, () => {
    const repo = join(scratch, 'not-linux');
    execFileSync('git', ['init', '-q', repo]);
    execFileSync('git', [
      '-C',
      repo,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'x',
    ]);
    userError(['--tree', repo], /no kernel Makefile/);
  });
  it('a path with spaces and shell metacharacters works', { skip }, () => {
    const odd = join(scratch, `odd dir; $(touch pwned) & 'q'`);
    execFileSync('git', ['clone', '-q', '--shared', gen.treeDir, odd]);
    const r = runCli(['status', '--tree', odd, '--rev', 'origin/vendor', '--format', 'json'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).base.makefile, '6.1.110');
  });
  it('a shallow clone: warned, lower confidence, no "not affected" from absence', { skip }, () => {
    const shallow = join(scratch, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '50', '--branch', 'vendor', `file://${gen.treeDir}`, shallow]);
    const r = runCli(['status', '--tree', shallow, '--format', 'json'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /shallow/);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.tree.shallow, true);
    assert.equal(doc.tree.byEvidence['intro-absent'], undefined);
    assert.ok(doc.tree.byEvidence['version-rule'] > 0);
  });
});
