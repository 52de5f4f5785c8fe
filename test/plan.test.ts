/**
 * `kgap plan` on a generated tree (scripts/gen-tree.ts): real records, a stable branch 6.1.1..6.1.130 whose filler
 * commits edit shared source files in place, and a vendor branch on v6.1.110 with patches of every fate. The
 * generator's own account of each patch (scenario.json) and a naive `git cherry-pick` per patch are the references.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { GenTreeResult } from '../scripts/gen-tree.js';
import type { PlanInput, PlanReport } from '../src/api/plan.js';
import { planFormats, runPlan } from '../src/api/plan.js';
import { type DataOptions, sharedDataDir } from '../src/sources/data/data-options.js';
import { assertGolden } from './helpers/golden.js';
import { naiveCherryPicks } from './helpers/naive-cherry-pick.js';
import { planInput, smallPlanTree } from './helpers/plan-tree.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

const real = await realIndex();
const shared = sharedDataDir();
const skip = real === null || shared === null ? REAL_DATA_SKIP_REASON : false;
const scratch = mkdtempSync(join(tmpdir(), 'kgap-plan-'));
let gen: GenTreeResult;
let data: DataOptions;
let env: Record<string, string> = {};
let full: PlanReport;

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();
const plan = (tree: string, to = '6.1.130', extra: Partial<PlanInput> = {}) =>
  runPlan(planInput(tree, data, scratch, { to, ...extra }));

before(async () => {
  const small = await smallPlanTree(scratch);
  if (small === null) return;
  ({ gen, data, env } = small);
  full = (await plan(gen.treeDir)).report;
});
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('kgap plan: the fate of every vendor patch', () => {
  it('every generated patch gets the fate (and evidence) the generator planted', { skip }, () => {
    assert.equal(full.vendorPatches.length, 60);
    const byCommit = new Map(full.vendorPatches.map((p) => [p.commit, p]));
    const kinds = new Set<string>();
    for (const want of gen.patches) {
      const got = byCommit.get(want.sha);
      assert.ok(got, `${want.kind} ${want.sha} is planned`);
      assert.equal(got.fate, want.expect.fate, `${want.kind} ${want.subject}: ${got.evidence.detail}`);
      if (want.expect.evidence)
        assert.equal(got.evidence.kind, want.expect.evidence, `${want.kind}: ${got.evidence.detail}`);
      kinds.add(`${got.fate}/${got.evidence.kind}`);
    }
    for (const k of [
      'upstream/patch-id',
      'upstream/marker',
      'upstream/revert-pair',
      'clean/merge',
      'conflict/merge',
      'vendor-revert/reverts-upstream',
    ])
      assert.ok(kinds.has(k), `a ${k} patch is planted (${[...kinds].join(', ')})`);
  });

  it('conflicts name the file, its conflicted lines and the stable commits that changed it', { skip }, () => {
    const conflicted = full.vendorPatches.filter((p) => p.fate === 'conflict');
    assert.ok(conflicted.length >= 2);
    for (const p of conflicted) {
      assert.ok(p.conflicts.length > 0, p.subject);
      for (const c of p.conflicts) {
        assert.ok(p.files.includes(c.file), `${c.file} is one of the patch's files`);
        assert.ok(c.hunks.length > 0 && c.hunks.every((h) => h.start > 0 && h.end >= h.start), JSON.stringify(c.hunks));
        assert.ok(c.stableCommits.length > 0, `${c.file}: a stable commit of 6.1.111..6.1.130 changed it`);
        for (const s of c.stableCommits) {
          assert.ok(
            git(gen.treeDir, 'diff-tree', '--no-commit-id', '--name-only', '-r', s.commit).split('\n').includes(c.file),
          );
          assert.equal(
            spawnSync('git', ['-C', gen.treeDir, 'merge-base', '--is-ancestor', s.commit, 'v6.1.130']).status,
            0,
          );
        }
      }
    }
    const planted = full.vendorPatches.find((p) => p.subject.includes('quirk for the product board'));
    assert.equal(planted?.conflicts[0]?.kind, 'content');
    const adapted = full.vendorPatches.find((p) => p.fate === 'conflict' && p.conflicts[0]?.kind === 'add/add');
    assert.match(adapted?.evidence.detail ?? '', /same subject/);
  });

  it('clean and conflict agree with a naive git cherry-pick of the replayed patches onto v6.1.130', { skip }, () => {
    const replayed = full.vendorPatches.filter((p) => p.fate !== 'upstream');
    const naive = naiveCherryPicks(
      gen.treeDir,
      join(scratch, 'naive'),
      'v6.1.130',
      replayed.map((p) => p.commit),
    );
    for (const p of replayed) {
      const want = p.fate === 'vendor-revert' ? (p.reapplies === 'clean' ? 'clean' : 'conflict') : p.fate;
      assert.equal(naive.outcomes.get(p.commit), want, `${p.subject}`);
    }
  });

  it('a patch-id upstream patch is empty when cherry-picked alone onto the target', { skip }, () => {
    const byPid = full.vendorPatches.filter((p) => p.evidence.kind === 'patch-id').slice(0, 3);
    for (const p of byPid) {
      const naive = naiveCherryPicks(gen.treeDir, join(scratch, `alone-${p.commit.slice(0, 8)}`), 'v6.1.130', [
        p.commit,
      ]);
      assert.equal(naive.outcomes.get(p.commit), 'empty', p.subject);
    }
  });
});

describe('kgap plan: security and stable fixes', () => {
  it(
    'tree-aware: agrees with kgap diff --stable-tree once the vendor backports and tree-only verdicts are accounted',
    { skip },
    () => {
      const r = runCli(
        ['diff', '--from', '6.1.110', '--to', '6.1.130', '--stable-tree', gen.treeDir, '--format', 'json'],
        env,
      );
      assert.equal(r.code, 0, r.stderr);
      const diff = JSON.parse(r.stdout);
      assert.deepEqual(
        [full.stableFixes.total, full.stableFixes.withCve, full.stableFixes.withoutCve],
        [diff.stableCommits.total, diff.stableCommits.withCve, diff.stableCommits.withoutCve],
      );
      const fixed = new Set<string>(diff.fixed.map((c: { id: string }) => c.id));
      const closed = new Set(full.cves.closed.map((c) => c.id));
      const already = new Set(full.cves.alreadyFixedByVendor);
      assert.ok(already.size >= 5, 'the vendor backports are not counted again');
      for (const id of already) assert.ok(fixed.has(id) && !closed.has(id), id);
      // Closed beyond diff's fixed only where the tree decides: CVE-2025-21629's bug backported by the vendor.
      assert.deepEqual(
        [...closed].filter((id) => !fixed.has(id)),
        ['CVE-2025-21629'],
      );
      assert.deepEqual(
        [...fixed].filter((id) => !closed.has(id) && !already.has(id)),
        [],
      );
      const sum = full.stableFixes.bySubsystem.reduce((a, s) => a + s.total, 0);
      assert.equal(sum, full.stableFixes.total);
      assert.equal(full.stableFixes.byRelease.length, 20);
    },
  );

  it('on the plain stable release the plan says what kgap diff says', { skip }, async () => {
    const { report } = await plan(gen.treeDir, '6.1.130', { rev: 'v6.1.110' });
    const r = runCli(['diff', '--from', '6.1.110', '--to', '6.1.130', '--format', 'json'], env);
    const diff = JSON.parse(r.stdout);
    const ids = (l: readonly { id: string }[]) => l.map((c) => c.id);
    assert.deepEqual(ids(report.cves.closed), ids(diff.fixed));
    assert.deepEqual(ids(report.cves.introduced), ids(diff.introduced));
    assert.deepEqual(ids(report.cves.stillOpen), ids(diff.stillOpen));
    assert.equal(report.vendorPatches.length, 0);
    assert.equal(report.from.vendorCommits, 0);
  });

  it('a vendor revert of an upstream fix: the CVE is closed only if the revert is dropped', { skip }, () => {
    const reverted = gen.cases.find((c) => c.case === 'reverted');
    assert.ok(reverted);
    const cve = full.cves.closed.find((c) => c.id === reverted.id);
    assert.match(cve?.note ?? '', /closed only if vendor revert [0-9a-f]{12} is dropped/);
  });
});

describe('kgap plan: what it leaves alone', () => {
  const snapshot = (dir: string) => ({
    refs: git(dir, 'for-each-ref', '--format=%(refname) %(objectname)'),
    head: git(dir, 'symbolic-ref', '-q', 'HEAD'),
    status: git(dir, 'status', '--porcelain=v2', '--untracked-files=all'),
    objects: git(dir, 'count-objects', '-v'),
    index: git(dir, 'ls-files', '--stage', '--debug').length,
  });

  it('a dirty working tree does not matter, and nothing of the tree changes', { skip }, async () => {
    const dirty = join(scratch, 'dirty');
    execFileSync('git', ['clone', '-q', '--shared', '--branch', 'vendor', gen.treeDir, dirty]);
    const file = full.vendorPatches.find((p) => p.fate === 'conflict')?.files[0] as string;
    writeFileSync(join(dirty, file), 'local edits, never committed\n');
    writeFileSync(join(dirty, 'untracked.c'), 'int x;\n');
    writeFileSync(join(dirty, 'Makefile'), 'VERSION = 9\nPATCHLEVEL = 9\n');
    git(dirty, 'add', 'Makefile');
    const before = snapshot(dirty);
    const { report } = await plan(dirty);
    assert.deepEqual(snapshot(dirty), before);
    const strip = (r: PlanReport) =>
      JSON.stringify({
        ...r,
        testPlan: [],
        vendorPatches: r.vendorPatches.map((p) => [p.commit, p.fate, p.conflicts]),
      });
    assert.equal(strip(report), strip(full));
  });

  it('--write-branch refuses while a patch conflicts, and writes nothing', { skip }, () => {
    const clone = join(scratch, 'refuse');
    execFileSync('git', ['clone', '-q', '--shared', '--branch', 'vendor', gen.treeDir, clone]);
    const before = snapshot(clone);
    const r = runCli(['plan', '--tree', clone, '--to', '6.1.130', '--write-branch', 'rebased'], env);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /branch rebased not written: \d+ patch(es)? in conflict and \d+ vendor reverts? to decide/);
    assert.match(r.stdout, /^kgap plan: 6\.1\.110\+60 → 6\.1\.130/);
    assert.deepEqual(snapshot(clone), before);
  });

  it(
    '--write-branch: new commits on the target, the same tree as cherry-picking them, nothing else touched',
    { skip },
    () => {
      const clone = join(scratch, 'carry');
      execFileSync('git', ['clone', '-q', '--shared', '--branch', 'vendor', gen.treeDir, clone]);
      // A vendor branch of the patches that carry over: every one but the conflicts and the vendor reverts.
      const carry = full.vendorPatches.filter((p) => p.fate === 'clean' || p.fate === 'upstream');
      git(clone, 'checkout', '-q', '-b', 'carry', 'v6.1.110');
      const ident = ['-c', 'user.name=Vendor', '-c', 'user.email=v@vendor.example'];
      for (const p of carry) git(clone, ...ident, 'cherry-pick', '--allow-empty', p.commit);
      git(clone, 'checkout', '-q', 'vendor');
      const before = snapshot(clone);
      const envWrite = { ...env, GIT_COMMITTER_NAME: 'Plan Bot', GIT_COMMITTER_EMAIL: 'bot@example.org' };
      const r = runCli(
        ['plan', '--tree', clone, '--rev', 'carry', '--to', '6.1.130', '--write-branch', 'rebased', '--format', 'json'],
        envWrite,
      );
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout);
      const replayed = doc.vendorPatches.filter((p: { fate: string }) => p.fate === 'clean');
      assert.equal(doc.fates.conflict + doc.fates['vendor-revert'], 0);
      assert.equal(doc.branch.name, 'rebased');
      assert.equal(doc.branch.commits, replayed.length);
      assert.equal(git(clone, 'rev-parse', 'refs/heads/rebased'), doc.branch.commit);
      const after1 = snapshot(clone);
      assert.deepEqual(after1.status, before.status);
      assert.equal(after1.head, before.head);
      assert.equal(
        after1.refs,
        `${before.refs}\nrefs/heads/rebased ${doc.branch.commit}`.split('\n').sort().join('\n'),
      );
      assert.equal(git(clone, 'rev-list', '--count', 'v6.1.130..rebased'), String(replayed.length));
      // Each new commit keeps the original's author and message; the committer is the one git names.
      const news = git(clone, 'rev-list', '--reverse', 'v6.1.130..rebased').split('\n');
      replayed.forEach((p: { commit: string }, i: number) => {
        const fmt = '--format=%an <%ae> %at%n%B';
        assert.equal(git(clone, 'log', '-1', fmt, news[i] as string), git(clone, 'log', '-1', fmt, p.commit));
        assert.equal(git(clone, 'log', '-1', '--format=%cn <%ce>', news[i] as string), 'Plan Bot <bot@example.org>');
      });
      // The independent reference: git cherry-pick of the same patches onto v6.1.130.
      const naive = naiveCherryPicks(
        clone,
        join(scratch, 'carry-naive'),
        'v6.1.130',
        replayed.map((p: { commit: string }) => p.commit),
      );
      assert.equal(
        git(clone, 'rev-parse', 'rebased^{tree}'),
        git(join(scratch, 'carry-naive'), 'rev-parse', 'HEAD^{tree}'),
      );
      const again = runCli(
        ['plan', '--tree', clone, '--rev', 'carry', '--to', '6.1.130', '--write-branch', 'rebased'],
        env,
      );
      assert.equal(again.code, 2);
      assert.match(again.stderr, /kgap: --write-branch branch rebased exists; give a new name/);
      assert.equal(git(clone, 'rev-parse', 'refs/heads/rebased'), doc.branch.commit);
      assert.ok(naive.head);
    },
  );
});

describe('kgap plan: where the target comes from', () => {
  it('--stable-tree: a vendor clone without the stable history plans the same', { skip }, async () => {
    const vendorOnly = join(scratch, 'vendor-only');
    execFileSync('git', [
      'clone',
      '-q',
      '--no-local',
      '--no-tags',
      '--single-branch',
      '--branch',
      'vendor',
      gen.treeDir,
      vendorOnly,
    ]);
    git(vendorOnly, 'fetch', '-q', '--no-tags', 'origin', 'tag', 'v6.1.110');
    assert.notEqual(
      spawnSync('git', ['-C', vendorOnly, 'cat-file', '-e', `${git(gen.treeDir, 'rev-parse', 'v6.1.130')}^{commit}`])
        .status,
      0,
    );
    const { report } = await plan(vendorOnly, 'latest', { stableTree: gen.treeDir });
    assert.equal(report.to.tag, 'v6.1.130');
    assert.equal(report.to.source, 'stable-tree');
    assert.deepEqual(
      report.vendorPatches.map((p) => [p.commit, p.fate]),
      full.vendorPatches.map((p) => [p.commit, p.fate]),
    );
    assert.equal(report.stableFixes.total, full.stableFixes.total);
  });

  it('--upstream-ref: the target must be on it; latest is its newest release', { skip }, async () => {
    const clone = join(scratch, 'upstream-ref');
    execFileSync('git', ['clone', '-q', '--shared', '--branch', 'vendor', gen.treeDir, clone]);
    git(clone, 'branch', 'old-stable', 'v6.1.120');
    assert.equal((await plan(clone, 'latest', { upstreamRef: 'origin/linux-6.1.y' })).report.to.tag, 'v6.1.130');
    assert.equal((await plan(clone, 'latest', { upstreamRef: 'old-stable' })).report.to.tag, 'v6.1.120');
    await assert.rejects(
      plan(clone, '6.1.130', { upstreamRef: 'old-stable' }),
      /to v6\.1\.130 is not on upstreamRef old-stable/,
    );
  });
});

describe('kgap plan: bad input, one line each', () => {
  const userError = (args: string[], pattern: RegExp) => {
    const r = runCli(['plan', ...args], env);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('kgap: '));
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0] ?? '', pattern);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  };
  it('not a repository, no tree, no target', { skip }, () => {
    const plain = join(scratch, 'plain dir');
    mkdirSync(plain, { recursive: true });
    userError(['--tree', plain, '--to', 'latest'], /not a git repository/);
    userError(['--to', 'latest'], /--tree PATH/);
    userError(['--tree', gen.treeDir], /--to VERSION or --to latest/);
  });
  it('a target older than the base, the base itself, on another branch, unknown, not a release', { skip }, () => {
    userError(
      ['--tree', gen.treeDir, '--to', '6.1.100'],
      /--to 6\.1\.100 is not newer than the tree's base v6\.1\.110/,
    );
    userError(['--tree', gen.treeDir, '--to', '6.1.110'], /is not newer than/);
    userError(
      ['--tree', gen.treeDir, '--to', '6.6.10'],
      /--to 6\.6\.10 is on branch 6\.6, but the tree's base v6\.1\.110 is on 6\.1/,
    );
    userError(
      ['--tree', gen.treeDir, '--to', '6.1.131'],
      /--to 6\.1\.131: .* has no tag v6\.1\.131; fetch the stable tags/,
    );
    userError(['--tree', gen.treeDir, '--to', 'banana'], /--to takes a release like 6\.1\.170/);
    userError(['--tree', gen.treeDir, '--to', '6.1.130', '--rev', 'nope'], /--rev "nope" is not a commit/);
    userError(['--tree', gen.treeDir, '--to', 'latest', '--rev', 'v6.1.130'], /is on the newest release it knows/);
  });
  it('a target on another line of history than the base', { skip }, () => {
    const clone = join(scratch, 'other-line');
    execFileSync('git', ['clone', '-q', '--shared', '--branch', 'vendor', gen.treeDir, clone]);
    git(clone, 'tag', '-f', 'v6.1.125', git(clone, 'rev-parse', 'v6.1.100'));
    const r = runCli(['plan', '--tree', clone, '--to', '6.1.125'], env);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /v6\.1\.125 does not contain the base v6\.1\.110/);
  });
  it('a shallow clone, a clone without tags, two sources of the target', { skip }, () => {
    const shallow = join(scratch, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '50', '--branch', 'vendor', `file://${gen.treeDir}`, shallow]);
    userError(['--tree', shallow, '--to', 'latest'], /is a shallow clone: .*git fetch --unshallow/);
    const noTags = join(scratch, 'no-tags');
    execFileSync('git', [
      'clone',
      '-q',
      '--no-tags',
      '--single-branch',
      '--branch',
      'vendor',
      `file://${gen.treeDir}`,
      noTags,
    ]);
    userError(['--tree', noTags, '--to', 'latest'], /no stable release tag .* is reachable/);
    userError(
      ['--tree', gen.treeDir, '--to', 'latest', '--stable-tree', gen.treeDir, '--upstream-ref', 'linux-6.1.y'],
      /--stable-tree and upstreamRef are both given/,
    );
    userError(
      ['--tree', gen.treeDir, '--to', 'latest', '--stable-tree', join(scratch, 'nope')],
      /--stable-tree .*no such directory/,
    );
  });
});

describe('kgap plan: output', () => {
  it('table and markdown (golden), html, and the JSON contract', { skip }, () => {
    const table = runCli(['plan', '--tree', gen.treeDir, '--to', 'latest'], env);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stderr, /^kgap plan: 6\.1\.110\+60 → 6\.1\.130: closes/m);
    // The tree's path is a temporary directory: the golden files say <tree>.
    assertGolden('plan.txt', table.stdout.replaceAll(gen.treeDir, '<tree>'));
    assertGolden('plan.md', planFormats.markdown(full).replaceAll(gen.treeDir, '<tree>'));
    const page = planFormats.html(full);
    assert.match(page, /^<!doctype html>/);
    assert.ok(page.includes(full.verdict.replaceAll('&', '&amp;')));
    // Text from outside (a conflicting patch's subject, a gate side's label, test names from lab results): no HTML
    // gets through.
    const hostile = '<img src=x onerror=alert(1)>';
    const counts = {
      compared: 3,
      regressions: 1,
      newCrashes: 0,
      newFailures: 0,
      lostCoverage: 0,
      flaky: 0,
      fixes: 0,
      expectedFailures: 0,
    };
    const gated = {
      ...full,
      vendorPatches: full.vendorPatches.map((p) =>
        p.conflicts.length ? { ...p, subject: `${p.subject} ${hostile}` } : p,
      ),
      earlierGates: [
        {
          id: 1,
          recordedAt: '2026-12-01T10:00:00.000Z',
          asOf: '2026-12-01',
          verdict: 'no-go' as const,
          baseline: hostile,
          candidate: 'c',
          counts,
          reasons: [`1 regression: ${hostile} (pass -> fail)`],
        },
      ],
    };
    for (const out of [planFormats.markdown(gated), planFormats.html(gated)]) {
      assert.ok(!out.includes('<img'), out.slice(-400));
      assert.match(out, /&lt;img src=x onerror=alert\(1\)&gt;/);
    }
    const json = runCli(['plan', '--tree', gen.treeDir, '--to', 'latest', '--format', 'json'], env);
    const doc = JSON.parse(json.stdout);
    assert.deepEqual(Object.keys(doc), [
      'schemaVersion',
      'verdict',
      'from',
      'to',
      'cves',
      'stableFixes',
      'fates',
      'vendorPatches',
      'hardening',
      'testPlan',
      'branch',
      'notes',
      'snapshot',
    ]);
    assert.deepEqual(Object.keys(doc.cves), ['closed', 'introduced', 'stillOpen', 'alreadyFixedByVendor', 'counts']);
    assert.deepEqual(Object.keys(doc.stableFixes), ['total', 'withCve', 'withoutCve', 'bySubsystem', 'byRelease']);
    assert.deepEqual(Object.keys(doc.vendorPatches[0]), [
      'commit',
      'subject',
      'fate',
      'files',
      'conflicts',
      'evidence',
      'reapplies',
    ]);
    assert.equal(doc.verdict, full.verdict);
    assert.equal(
      runCli(['plan', '--tree', gen.treeDir, '--to', 'latest', '--format', 'json'], env).stdout,
      json.stdout,
      'byte-stable',
    );
  });

  it('with the product config: CVEs split by built code, and the hardening the target changes', { skip }, async () => {
    const config = join(shared as string, 'configs', 'debian-6.1.170-3-amd64.config');
    const source = join(shared as string, 'source', 'linux-6.1.170-kbuild.tar.xz');
    const { report } = await plan(gen.treeDir, '6.1.130', { build: { config, source } });
    const c = report.cves.counts.closed;
    assert.equal((c.built ?? 0) + (c.notBuilt ?? 0) + (c.unknown ?? 0), c.total);
    assert.ok((c.built ?? 0) > 0 && (c.notBuilt ?? 0) > 0, JSON.stringify(c));
    assert.match(report.verdict, /closes \d+ CVEs \(\d+ in built code\)/);
    assert.ok(report.hardening);
    assert.deepEqual(report.hardening.gained, [], 'a stable update within 6.1 brings no mainline defence');
    assert.ok(
      report.hardening.laterGain.some((g) => g.since === '6.2'),
      'the defences of 6.2+ need a newer branch',
    );
  });
});
