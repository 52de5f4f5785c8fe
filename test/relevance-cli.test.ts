import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { REAL_DATA_SKIP_REASON } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

const shared = sharedDataDir();
const TARBALL = shared && join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz');
const CONFIG = shared && join(shared, 'configs', 'debian-6.1.170-3-amd64.config');
const skip = TARBALL === null || !existsSync(TARBALL) ? REAL_DATA_SKIP_REASON : false;
const cache = { KGAP_CACHE_DIR: join(process.env.TMPDIR || tmpdir(), 'kgap-test-kbuild-cache') };

describe('kgap relevance (CLI)', () => {
  it('--files on the real tree: JSON with schemaVersion, sorted files, module names', { skip }, () => {
    const files = 'net/core/dev.c,drivers/net/ethernet/intel/e1000e/netdev.c';
    const r = runCli(
      ['relevance', '--files', files, '--config', CONFIG as string, '--source', TARBALL as string, '--format', 'json'],
      cache,
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.relevance.status, 'built');
    assert.deepEqual(
      doc.relevance.files.map((f: { path: string }) => f.path),
      ['drivers/net/ethernet/intel/e1000e/netdev.c', 'net/core/dev.c'],
    );
    assert.equal(doc.relevance.files[0].module, 'e1000e');
    const again = runCli(
      ['relevance', '--files', files, '--config', CONFIG as string, '--source', TARBALL as string, '--format', 'json'],
      cache,
    );
    assert.equal(again.stdout, r.stdout, 'byte-stable across runs (and with the cache warm)');
  });

  it('table and markdown say why a driver is not built', { skip }, () => {
    for (const format of ['table', 'markdown']) {
      const r = runCli(
        [
          'relevance',
          '--files',
          'drivers/gpu/drm/msm/msm_drv.c',
          '--config',
          CONFIG as string,
          '--source',
          TARBALL as string,
          '--format',
          format,
        ],
        cache,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /not-built/i);
      assert.match(r.stdout, /CONFIG_DRM_MSM/);
    }
  });

  it('--built-files decides: an unlisted file is not built', { skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgap-rel-'));
    const list = join(dir, 'built.txt');
    writeFileSync(list, '# from find . -name "*.o"\n./net/core/dev.o\n');
    const r = runCli(
      [
        'relevance',
        '--files',
        'net/core/dev.c,net/core/sock.c',
        '--config',
        CONFIG as string,
        '--source',
        TARBALL as string,
        '--built-files',
        list,
        '--format',
        'json',
      ],
      cache,
    );
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.builtFiles, true);
    assert.deepEqual(
      doc.relevance.files.map((f: { status: string }) => f.status),
      ['built-in', 'not-built'],
    );
  });

  it('--built-files with a build-directory prefix is fitted; a list that matches nothing is refused', { skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgap-rel-'));
    const list = join(dir, 'built.txt');
    writeFileSync(list, 'build/net/core/dev.o\nbuild/init/main.o\nbuild/kernel/fork.o\n');
    const args = ['relevance', '--files', 'net/core/dev.c,net/core/sock.c', '--config', CONFIG as string];
    const r = runCli([...args, '--source', TARBALL as string, '--built-files', list, '--format', 'json'], cache);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(
      doc.relevance.files.map((f: { status: string }) => f.status),
      ['built-in', 'not-built'],
    );
    assert.ok(doc.warnings.some((w: string) => /3 of 3 entries match source files after stripping "build\/"/.test(w)));
    writeFileSync(list, 'a/b/c/d/e.o\nx/y.o\n');
    const bad = runCli([...args, '--source', TARBALL as string, '--built-files', list], cache);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /only 0 of 2 entries match/);
  });

  it('a missing source: unknown with a hint, exit 0', { skip }, () => {
    const r = runCli(
      [
        'relevance',
        '--files',
        'net/core/dev.c',
        '--config',
        CONFIG as string,
        '--source',
        '/nonexistent/linux',
        '--format',
        'json',
      ],
      cache,
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.relevance.status, 'unknown');
    assert.match(doc.relevance.files[0].reason, /pass --source/);
  });

  it('bad input: clear one-line errors, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgap-rel-'));
    const garbage = join(dir, 'garbage.config');
    writeFileSync(garbage, Buffer.from([0, 1, 2, 255, 254, 10, 65, 66]));
    const badTar = join(dir, 'bad.tar.xz');
    writeFileSync(badTar, 'not a tarball');
    const cfg = CONFIG ?? garbage;
    const runs: [string[], RegExp][] = [
      [['relevance', '--files', 'a.c', '--source', dir], /--config/],
      [['relevance', '--files', 'a.c', '--config', garbage, '--source', dir], /not a kernel config/],
      [['relevance', '--config', cfg, '--source', dir], /either a CVE id or --files/],
      [['relevance', 'NOT-A-CVE', '--config', cfg, '--source', dir], /not a CVE id/],
    ];
    if (CONFIG) runs.push([['relevance', '--files', 'a.c', '--config', CONFIG, '--source', badTar], /cannot extract/]);
    for (const [args, why] of runs) {
      const r = runCli(args, { KGAP_CACHE_DIR: join(dir, 'cache') });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, why);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('kgap:'));
      assert.equal(errors.length, 1, r.stderr);
      assert.equal(r.stderr.trim().split('\n').at(-1), errors[0], 'the error is the last line, on one line');
    }
  });

  it('a symlink loop in the source tree does not hang; a config without header warns', { skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgap-rel-'));
    mkdirSync(join(dir, 'a'));
    symlinkSync('..', join(dir, 'a', 'loop'));
    writeFileSync(join(dir, 'Makefile'), 'VERSION = 6\nPATCHLEVEL = 1\n');
    writeFileSync(join(dir, 'Kbuild'), 'obj-y += a/\n');
    writeFileSync(join(dir, 'a', 'Makefile'), 'obj-$(CONFIG_FOO) += foo.o\n');
    writeFileSync(join(dir, 'a', 'foo.c'), '');
    const noHeader = join(dir, 'no-header.config');
    writeFileSync(noHeader, 'CONFIG_X86_64=y\nCONFIG_64BIT=y\n');
    const r = runCli(
      ['relevance', '--files', 'a/foo.c', '--config', noHeader, '--source', dir, '--no-cache', '--format', 'json'],
      cache,
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.relevance.files[0].status, 'not-built');
    assert.ok(doc.warnings.some((w: string) => /no "# Linux/.test(w)));
    assert.ok(doc.warnings.some((w: string) => /arch\/x86\/Makefile/.test(w)));
  });
});
