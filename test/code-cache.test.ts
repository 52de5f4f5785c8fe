/**
 * The bundle's `kgap status` runs from V8's code cache (src/cli/compiled-program.ts): written once after a run with a
 * report, accepted by V8 on the next run (so not written again), never a cause of a different answer, and rebuilt
 * when damaged.
 */
import assert from 'node:assert/strict';
import { chmodSync, chownSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

const STATUS = ['status', '--version', '6.1.170', '--format', 'json'];

describe('the status program code cache (e2e, the bundle)', async () => {
  const real = await realIndex();
  const skip = real === null ? REAL_DATA_SKIP_REASON : false;
  let cacheDir = '';
  let env: Record<string, string> = {};
  const codeFiles = () => readdirSync(join(cacheDir, 'code'));
  const status = () => {
    const r = runCli(STATUS, env);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };

  before(() => {
    if (real === null) return;
    const shared = sharedDataDir() ?? '';
    // A cache of its own (the shared test cache is used by tests running beside this one), with the index and
    // release dates of the real data already built; everything else (branch verdicts, code) starts absent.
    cacheDir = mkdtempSync(join(tmpdir(), 'kgap-code-cache-'));
    cpSync(real.cacheDir, cacheDir, {
      recursive: true,
      filter: (from) => !/[\\/](kbuild-src|code|branch-[^/]*|release-[^/]*)$/.test(from),
    });
    env = {
      KGAP_CACHE_DIR: cacheDir,
      KGAP_VULNS_REPO: join(shared, 'vulns.git'),
      KGAP_RELEASES: join(shared, 'linux-kernel-releases.json'),
    };
  });

  it('is written by the first run and used, not rewritten, by the next; the answer is the same', { skip }, () => {
    const first = status();
    const [name] = codeFiles();
    assert.match(name ?? '', /^status-[0-9a-f]{16}-v\d+\.\d+\.\d+-[a-z0-9]+\.v8$/);
    const file = join(cacheDir, 'code', name ?? '');
    const written = statSync(file);
    assert.ok(written.size > 10_000, `a code cache of ${written.size} bytes`);
    assert.equal(status(), first);
    // Written again only when V8 refuses it: the same inode means V8 accepted the data.
    assert.equal(statSync(file).ino, written.ino);
    assert.deepEqual(codeFiles(), [name]);
  });

  it('a damaged cache gives the same answer and is rebuilt; caches of other builds are removed', { skip }, () => {
    const first = status();
    const [name] = codeFiles();
    const file = join(cacheDir, 'code', name ?? '');
    const garbage = Buffer.alloc(4096, 0x5a);
    writeFileSync(file, garbage);
    writeFileSync(join(cacheDir, 'code', 'status-0000000000000000-v0.0.0-x.v8'), garbage);
    assert.equal(status(), first);
    assert.notDeepEqual(readFileSync(file).subarray(0, 64), garbage.subarray(0, 64));
    assert.deepEqual(codeFiles(), [name]);
    // Cut short (a crash mid-write cannot do this: the file is renamed into place whole, but a disk can).
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    assert.equal(status(), first);
    assert.ok(statSync(file).size > 10_000);
  });

  it(
    'is readable by its user only, and a cache others could have written is never run: it is replaced',
    { skip },
    () => {
      const first = status();
      const [name] = codeFiles();
      const file = join(cacheDir, 'code', name ?? '');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(statSync(join(cacheDir, 'code')).mode & 0o077, 0);
      // Group- or world-writable: somebody else may have put it there.
      chmodSync(file, 0o666);
      const planted = statSync(file).ino;
      assert.equal(status(), first);
      assert.notEqual(statSync(file).ino, planted, 'a world-writable cache was used instead of replaced');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      // Owned by another user (only root can make one here).
      if (process.getuid?.() === 0) {
        chownSync(file, 65534, 65534);
        const foreign = statSync(file).ino;
        assert.equal(status(), first);
        assert.notEqual(statSync(file).ino, foreign, "another user's cache was used instead of replaced");
        assert.equal(statSync(file).uid, 0);
      }
    },
  );

  it('a run that ends in a usage error writes none', { skip }, () => {
    const empty = mkdtempSync(join(tmpdir(), 'kgap-code-cache-none-'));
    const r = runCli(['status', '--version', 'not-a-version'], { ...env, KGAP_CACHE_DIR: empty });
    assert.equal(r.code, 2);
    assert.deepEqual(readdirSync(empty), []);
  });
});
