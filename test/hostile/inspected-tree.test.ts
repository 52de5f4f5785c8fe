/**
 * Classes 1 and 2 of docs/security.md: an inspected git tree runs nothing, a source tarball leaks nothing and
 * creates nothing but files and directories.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runGit } from '../../src/sources/git/run-git.js';
import { streamGitLines } from '../../src/sources/git/stream-git-text.js';
import { readPatchIds } from '../../src/sources/tree/read-patch-ids.js';
import { hostileGitTree, hostileTarball, smallVulnsRepo } from './fixtures.js';
import { assertNoTrace, assertRefused, runHostile, Scratch } from './harness.js';

describe('hostile: an inspected git tree whose config names programs', () => {
  const s = new Scratch('git');
  let t: { tree: string; markers: string };
  let data: ReturnType<typeof smallVulnsRepo>;
  before(() => {
    t = hostileGitTree(s.inputs);
    data = smallVulnsRepo(s.root);
    // The knobs are live: plain git runs them (so the assertions below can fail).
    // The knobs are live: plain git runs each of them (so the assertions below can fail). The process filter fails
    // first and stops git, so the textconv and diff-driver probes switch it off.
    const noProcess = ['-c', 'filter.y.required=false', '-c', 'filter.y.process='];
    for (const args of [
      ['log', '-p', '-2'],
      ['status'],
      [...noProcess, 'log', '-p', '-1', 'HEAD~1'],
      [...noProcess, 'diff', 'v6.1.110', 'HEAD~1'],
    ])
      spawnSync('git', ['-C', t.tree, ...args], { stdio: 'ignore', timeout: 10_000 });
    const armed = readdirSync(t.markers).sort();
    for (const knob of ['diff-driver', 'filter-process', 'fsmonitor', 'gpg', 'textconv'])
      assert.ok(armed.includes(knob), `plain git did not run ${knob}: ${armed}`);
    for (const m of armed) execFileSync('rm', [join(t.markers, m)]);
  });
  after(() => {
    data.remove();
    s.remove();
  });

  it('status --tree runs none of them (textconv, filters, gpg, fsmonitor, hooks, pagers, external diff)', () => {
    const r = runHostile(s, [
      'status',
      '--tree',
      t.tree,
      '--vulns-repo',
      data.vulnsRepo,
      '--releases',
      data.releases,
      '--cache-dir',
      s.cache,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assertNoTrace(r);
    assert.match(r.stdout, /Tree: HEAD/);
    assert.deepEqual(readdirSync(t.markers), []);
  });

  it('every git entry point (log -p | patch-id, show, diff, log) runs none of them either', async () => {
    const where = { cwd: t.tree };
    const head = (await runGit(where, ['rev-parse', 'HEAD'])).trim();
    const vendor = (await runGit(where, ['rev-parse', 'HEAD~1'])).trim();
    await readPatchIds(where, [vendor, head]);
    await runGit(where, ['show', head]);
    await runGit(where, ['show', `${vendor}:net/core/dev.c`]);
    await runGit(where, ['diff', 'v6.1.110', vendor]);
    await runGit(where, ['log', '-1', head]);
    await streamGitLines(where, ['log', '-p', '--format=%H', head], () => {});
    assert.deepEqual(readdirSync(t.markers), []);
  });
});

describe('hostile: a --source tarball with links, devices, FIFOs and climbing names', () => {
  const s = new Scratch('tar');
  const secret = join(s.root, 'host-secret');
  let tarball: string;
  let config: string;
  let relevance: string[];
  before(() => {
    writeFileSync(secret, 'obj-y += SECRET-HOST-CONTENT.o\n');
    tarball = hostileTarball(s.inputs, secret);
    config = join(s.inputs, 'product.config');
    writeFileSync(config, '# Linux/x86 6.1.170 Kernel Configuration\nCONFIG_NET=y\nCONFIG_X86_64=y\n');
    relevance = [
      'relevance',
      '--config',
      config,
      '--files',
      'net/core/dev.c',
      '--format',
      'json',
      '--cache-dir',
      s.cache,
    ];
  });
  after(() => s.remove());

  it('reads only regular files inside the tree: no host content, no hang, no devices or links in the cache', () => {
    const r = runHostile(s, [...relevance, '--source', tarball]);
    assert.equal(r.code, 0, r.stderr);
    assertNoTrace(r);
    assert.doesNotMatch(r.stdout + r.stderr, /SECRET-HOST-CONTENT/);
    const warnings = (JSON.parse(r.stdout) as { warnings: string[] }).warnings.join('\n');
    assert.match(warnings, /5 members are not regular files or have unsafe names and were not extracted/);
    const odd = execFileSync(
      'find',
      [s.cache, '(', '-type', 'l', '-o', '-type', 'c', '-o', '-type', 'b', '-o', '-type', 'p', ')'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(odd, '', 'links, devices or FIFOs were created in the cache');
    assert.equal(
      execFileSync('find', [s.root, '-name', 'escape', '-not', '-path', `${s.inputs}/*`], { encoding: 'utf8' }),
      '',
    );
    assert.ok(r.ms < 30_000, `${r.ms} ms`);
  });

  it('a source directory with the same links is read inside the tree only', () => {
    const dir = join(s.inputs, 'stage', 'linux-6.1.170');
    const r = runHostile(s, [...relevance, '--source', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, /SECRET-HOST-CONTENT/);
    const warnings = (JSON.parse(r.stdout) as { warnings: string[] }).warnings;
    for (const w of [
      'net/core/Makefile: a link to outside the tree, not followed',
      'drivers/Makefile: a link to outside the tree, not followed',
      'fs/Makefile: not a regular file, not read',
    ])
      assert.ok(warnings.includes(w), `${w} in ${warnings.join('; ')}`);
    assert.ok(readFileSync(secret, 'utf8').includes('SECRET'), 'the host file is untouched');
  });
});

describe('hostile: an inspected git tree that makes git wait', () => {
  const s = new Scratch('git-stall');
  let t: { tree: string; markers: string };
  let data: ReturnType<typeof smallVulnsRepo>;
  before(() => {
    t = hostileGitTree(s.inputs);
    data = smallVulnsRepo(s.root);
    // git follows include.path from the repository's own config: a FIFO there makes every git call wait.
    const fifo = join(s.root, 'config-fifo');
    execFileSync('mkfifo', [fifo]);
    writeFileSync(
      join(t.tree, '.git', 'config'),
      `${readFileSync(join(t.tree, '.git', 'config'), 'utf8')}[include]\n\tpath = ${fifo}\n`,
    );
  });
  after(() => {
    data.remove();
    s.remove();
  });

  it('is stopped after KGAP_GIT_IDLE_SECONDS with one line naming the limit, not a hang', () => {
    const r = runHostile(
      s,
      ['status', '--tree', t.tree, '--vulns-repo', data.vulnsRepo, '--releases', data.releases, '--cache-dir', s.cache],
      { KGAP_GIT_IDLE_SECONDS: '2' },
    );
    assertRefused(r, /^kgap: --tree .*no output for 2 s \(KGAP_GIT_IDLE_SECONDS\)/);
    assert.ok(r.ms < 20_000, `${r.ms} ms`);
  });
});
