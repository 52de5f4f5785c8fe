/**
 * Classes 4, 6, 7, 8 and 11 of docs/security.md: the cache answers only for its own source, cache faults are one
 * line naming the cache, a damaged mirror is rebuilt, a stale lock is reported and taken over, a torn index and
 * leftover temp files are repaired.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { smallVulnsRepo } from './fixtures.js';
import { assertNoTrace, assertRefused, canMount, runHostile, Scratch } from './harness.js';

const mountSkip = canMount() ? false : 'needs root and tmpfs mounts (read-only and full-disk caches)';

describe('hostile: cache faults and repairs', () => {
  const s = new Scratch('cache');
  let data: ReturnType<typeof smallVulnsRepo>;
  let other: ReturnType<typeof smallVulnsRepo>;
  let env: Record<string, string>;
  const status = (cache: string) => ['status', '--version', '6.1.110', '--cache-dir', cache];
  before(() => {
    data = smallVulnsRepo(s.root);
    mkdirSync(join(s.root, 'other'));
    other = smallVulnsRepo(join(s.root, 'other'));
    // The same three records at the same time make the very same commit: one more makes it another repository.
    other.commit([{ id: 'CVE-2024-0009', title: 'fs: only in the other repository' }], '2024-07-01T00:00:00Z');
    env = { KGAP_VULNS_REPO: data.vulnsRepo, KGAP_RELEASES: data.releases };
    const r = runHostile(s, ['sync', '--cache-dir', s.cache], env);
    assert.equal(r.code, 0, r.stderr);
  });
  after(() => {
    data.remove();
    other.remove();
    s.remove();
  });

  it('--vulns-repo of another repository than the cached index: refused, saying what to run', () => {
    const r = runHostile(s, [...status(s.cache), '--vulns-repo', other.vulnsRepo], env);
    assertRefused(
      r,
      /^kgap: --vulns-repo .* the cache .* holds the index of .*; run kgap sync with this vulns repository/,
    );
  });

  it('another path to a repository at the indexed commit (a symlink, as a checkout beside ../shared has) is answered', () => {
    const link = join(s.root, 'vulns-link');
    symlinkSync(data.vulnsRepo, link);
    const asBuilt = runHostile(s, [...status(s.cache), '--format', 'json'], env);
    const viaLink = runHostile(s, [...status(s.cache), '--format', 'json', '--vulns-repo', link], env);
    assert.equal(viaLink.code, asBuilt.code, viaLink.stderr);
    assert.equal(viaLink.stdout, asBuilt.stdout);
    assert.match(viaLink.stdout, /CVE-2024-0002/);
  });

  it('--cache-dir "" and KGAP_CACHE_DIR="" are refused (the cache would land in the current directory)', () => {
    assertRefused(runHostile(s, status(''), env), /^kgap: --cache-dir is empty/);
    assertRefused(
      runHostile(s, ['status', '--version', '6.1.110'], { ...env, KGAP_CACHE_DIR: '' }),
      /^kgap: KGAP_CACHE_DIR is empty/,
    );
  });

  it('a cache path below a file: exit 2 naming the path and --cache-dir', () => {
    const file = join(s.root, 'a-file');
    writeFileSync(file, 'x');
    const r = runHostile(s, status(join(file, 'cache')), env);
    assertRefused(
      r,
      /^kgap: --cache-dir .*a-file\/cache: cannot use it as kgap's cache \(a part of the path is a file/,
    );
  });

  it('an index file replaced by a directory: exit 2 at once, naming it (not after a rebuild)', () => {
    const cache = join(s.root, 'cache-dir-index');
    assert.equal(runHostile(s, ['sync', '--cache-dir', cache], env).code, 0);
    rmSync(join(cache, 'index-v2.records.json'));
    mkdirSync(join(cache, 'index-v2.records.json'));
    const r = runHostile(s, status(cache), env);
    assertRefused(
      r,
      /^kgap: --cache-dir .*index-v2\.records\.json as kgap's cache \(index-v2\.records\.json is not a file; remove it\)/,
    );
  });

  it('sync.lock as a directory: exit 2 naming it', () => {
    const cache = join(s.root, 'cache-dir-lock');
    mkdirSync(join(cache, 'sync.lock'), { recursive: true });
    const r = runHostile(s, ['sync', '--cache-dir', cache], env);
    assertRefused(r, /^kgap: --cache-dir .*sync\.lock as kgap's cache \(sync\.lock is not a file; remove it\)/);
  });

  it('a read-only cache directory (tmpfs mounted ro): exit 2 naming it', { skip: mountSkip }, () => {
    const cache = join(s.root, 'ro');
    mkdirSync(cache);
    assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', cache]).status, 0);
    try {
      const r = runHostile(s, status(cache), env);
      assertRefused(r, /^kgap: --cache-dir .*\/ro: cannot use .* \(read-only file system\)/);
    } finally {
      spawnSync('umount', [cache]);
    }
  });

  it('a full disk (a 64 KiB tmpfs): exit 2 naming the cache, nothing left behind', { skip: mountSkip }, () => {
    const cache = join(s.root, 'full');
    mkdirSync(cache);
    assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', cache]).status, 0);
    try {
      const r = runHostile(s, status(cache), env);
      assertRefused(r, /^kgap: --cache-dir .*\/full: cannot use .*\(.*no space left on device.*\)/i);
      assert.deepEqual(
        readdirSync(cache).filter((n) => n.includes('.tmp-')),
        [],
        'temp files left behind',
      );
    } finally {
      spawnSync('umount', [cache]);
    }
  });

  it(
    'the cache lock on a full disk: refused, and its file handle closed (no warning when it is collected)',
    {
      skip: mountSkip,
    },
    () => {
      const cache = join(s.root, 'full-lock');
      mkdirSync(cache);
      assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', cache]).status, 0);
      try {
        spawnSync('dd', ['if=/dev/zero', `of=${join(cache, 'filler')}`, 'bs=4096'], { stdio: 'ignore' });
        // The lock file is created (an inode is free), then its write fails: the handle must not be left to the GC.
        const lockModule = new URL('../../src/sources/data/cache-lock.js', import.meta.url).href;
        const script = `const { withCacheLock } = await import(${JSON.stringify(lockModule)});
await withCacheLock(${JSON.stringify(join(cache, 'cache'))}, async () => 1).then(() => console.log('locked'), (e) => console.log(e.constructor.name));
globalThis.gc(); await new Promise((r) => setTimeout(r, 100)); globalThis.gc(); await new Promise((r) => setTimeout(r, 100));`;
        const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
          encoding: 'utf8',
        });
        assert.equal(r.stdout, 'InvalidInput\n', r.stderr);
        assert.equal(r.stderr, '');
      } finally {
        spawnSync('umount', [cache]);
      }
    },
  );

  it('a disk that fills during an update: exit 2, and the previous index still answers', { skip: mountSkip }, () => {
    const cache = join(s.root, 'fills');
    mkdirSync(cache);
    mkdirSync(join(s.root, 'moving'));
    const moving = smallVulnsRepo(join(s.root, 'moving'));
    const movingEnv = { KGAP_VULNS_REPO: moving.vulnsRepo, KGAP_RELEASES: moving.releases };
    assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', cache]).status, 0);
    try {
      assert.equal(runHostile(s, ['sync', '--cache-dir', cache], movingEnv).code, 0);
      const before = runHostile(s, status(cache), movingEnv);
      assert.equal(before.code, 0, before.stderr);
      spawnSync('dd', ['if=/dev/zero', `of=${join(cache, 'filler')}`, 'bs=4096'], { stdio: 'ignore' });
      const dyad = `6.1:${'a'.repeat(40)}:6.1.130:${'e'.repeat(40)}\n`;
      moving.commit(
        Array.from({ length: 50 }, (_, i) => ({ id: `CVE-2024-1${String(i).padStart(3, '0')}`, dyad })),
        '2024-07-01T00:00:00Z',
      );
      const r = runHostile(s, ['sync', '--cache-dir', cache], movingEnv);
      assertRefused(r, /^kgap: --cache-dir .*\/fills: cannot use .*no space left on device/i);
      const after = runHostile(s, status(cache), movingEnv);
      assert.equal(after.code, 0, after.stderr);
      assert.equal(after.stdout, before.stdout, 'the previous index answers as before');
    } finally {
      spawnSync('umount', [cache]);
      moving.remove();
    }
  });

  it('an emptied HEAD in the cached mirror: sync rebuilds the mirror, the source is not blamed', () => {
    const cache = join(s.root, 'cache-mirror');
    assert.equal(runHostile(s, ['sync', '--cache-dir', cache], env).code, 0);
    writeFileSync(join(cache, 'vulns.git', 'HEAD'), '');
    const r = runHostile(s, ['sync', '--cache-dir', cache], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /the cached mirror .* is damaged, rebuilding it/);
    assert.equal(runHostile(s, status(cache), env).code, 0);
  });

  it('a lock held by a live process: says at once whom it waits for, then gives up at the wait limit', () => {
    const cache = join(s.root, 'cache-lock');
    mkdirSync(cache);
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const start = readFileSync(`/proc/${holder.pid}/stat`, 'latin1');
      const ticks = start.slice(start.lastIndexOf(')') + 2).split(' ')[19];
      writeFileSync(join(cache, 'sync.lock'), `${holder.pid} ${ticks}\n`);
      const r = runHostile(s, ['sync', '--cache-dir', cache], { ...env, KGAP_LOCK_WAIT_SECONDS: '2' });
      assert.match(r.stderr, new RegExp(`waiting for another kgap \\(pid ${holder.pid}, lock .*sync\\.lock held`));
      assertRefused(r, new RegExp(`another kgap \\(pid ${holder.pid}\\) is updating`));
      assert.ok(r.ms < 10_000, `${r.ms} ms`);
    } finally {
      holder.kill();
    }
  });

  it('a lock whose PID was reused (other start time), or older than the stale age, is taken over', () => {
    const cache = join(s.root, 'cache-lock2');
    mkdirSync(cache);
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(cache, 'sync.lock'), `${holder.pid} 1\n`);
      const reused = runHostile(s, ['sync', '--cache-dir', cache], env);
      assert.equal(reused.code, 0, reused.stderr);
      assert.ok(reused.ms < 10_000);
      const lock = join(cache, 'sync.lock');
      writeFileSync(lock, `${holder.pid}\n`);
      const old = (Date.now() - 7200_000) / 1000;
      utimesSync(lock, old, old);
      const stale = runHostile(s, ['sync', '--cache-dir', cache], env);
      assert.equal(stale.code, 0, stale.stderr);
      assert.match(stale.stderr, /taking over .*sync\.lock: held by pid \d+ for \d+ s, longer than any sync/);
    } finally {
      holder.kill();
    }
  });

  it('a torn index (records of another commit) is rebuilt by sync, and dead temp files are removed', () => {
    const cache = join(s.root, 'cache-torn');
    assert.equal(runHostile(s, ['sync', '--cache-dir', cache], env).code, 0);
    const records = join(cache, 'index-v2.records.json');
    writeFileSync(
      records,
      readFileSync(records, 'utf8').replace(/^\{"vulnsCommit":"[0-9a-f]{40}"/, `{"vulnsCommit":"${'0'.repeat(40)}"`),
    );
    writeFileSync(join(cache, 'index-v2.meta.json.tmp-999999999-1'), 'left by a killed sync');
    const r = runHostile(s, ['sync', '--cache-dir', cache], env);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /already up to date/);
    assert.match(r.stdout, /full update/);
    assert.equal(existsSync(join(cache, 'index-v2.meta.json.tmp-999999999-1')), false);
    assertNoTrace(r);
  });
});
