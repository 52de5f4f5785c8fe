/**
 * The CLI as shipped: the bundle `bin` points at (dist/bin/kgap.cjs), its version, unknown commands, the data it
 * finds by itself, and what `npm pack` puts in the package.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { CLI, runCli } from './helpers/run-cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};
const unbundled = join(root, 'dist', 'src', 'cli', 'main.js');

describe('kgap entry point (e2e, the bundle)', () => {
  it('is what package.json `bin` points at', () => {
    assert.equal(join(root, manifest.bin.kgap ?? ''), CLI);
    assert.ok(existsSync(CLI), `${CLI} missing: npm run build makes it`);
  });

  it('--version and -V print package.json version, bundled and unbundled', () => {
    for (const flag of ['--version', '-V']) {
      const r = runCli([flag]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${manifest.version}\n`);
      assert.equal(r.stderr, '');
      const u = spawnSync(process.execPath, [unbundled, flag], { encoding: 'utf8' });
      assert.equal(u.stdout, `${manifest.version}\n`);
    }
    // The same text through commander's own option (not the fast path).
    assert.equal(runCli(['-V', '--version']).stdout, `${manifest.version}\n`);
  });

  it('an unknown command is a usage error, even with a --version after it', () => {
    for (const args of [['flete', 'add', 'x', '--version', '6.1.1'], ['stauts'], ['fleets']]) {
      const r = runCli(args);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `kgap: unknown command "${args[0]}" (run kgap --help)\n`);
    }
  });

  it('an unknown option is a usage error; --help and help COMMAND are not', () => {
    const bad = runCli(['--bogus']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown option '--bogus'/);
    const help = runCli(['--help']);
    assert.equal(help.code, 0, help.stderr);
    for (const command of ['sync', 'status', 'harden', 'gate', 'boot']) assert.match(help.stdout, new RegExp(command));
    const status = runCli(['help', 'status']);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /^Usage: kgap status/);
  });

  it("`status --version X` is status's option, not the program's", () => {
    // Refused by status's version parser, before any data is read: the program's --version would exit 0.
    const r = runCli(['status', '--version', 'not-a-version']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^kgap: .*not-a-version/m);
  });
});

const real = await realIndex();
// The shared data found from the package's own location, as a user's run without KGAP_* variables finds it.
const besideRepo = sharedDataDir({});

describe('kgap entry point with real data (e2e, the bundle)', () => {
  const skip = real === null || besideRepo === null ? REAL_DATA_SKIP_REASON : false;
  it(
    'status --version 6.1.170 reads 6.1.170, and finds ../shared/data by itself as unbundled code does',
    { skip },
    () => {
      assert.ok(real && besideRepo);
      const args = ['status', '--version', '6.1.170', '--format', 'json'];
      const explicit = runCli(args, {
        KGAP_CACHE_DIR: real.cacheDir,
        KGAP_VULNS_REPO: join(besideRepo, 'vulns.git'),
        KGAP_RELEASES: join(besideRepo, 'linux-kernel-releases.json'),
      });
      assert.equal(explicit.code, 0, explicit.stderr);
      assert.equal(JSON.parse(explicit.stdout).kernel.version, '6.1.170');
      // Bundled, a module's import.meta.url is its chunk's: scripts/build-cli.mjs keeps it pointing at dist/src.
      const found = runCli(args, {
        KGAP_CACHE_DIR: real.cacheDir,
        KGAP_VULNS_REPO: undefined,
        KGAP_RELEASES: undefined,
        KGAP_SHARED_DATA: undefined,
      });
      assert.equal(found.code, 0, found.stderr);
      assert.equal(found.stdout, explicit.stdout);
    },
  );
});

// npm itself: the one running `npm test`, else the one installed beside node.
const npmCli = [
  process.env.npm_execpath,
  join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
].find((p) => p?.endsWith('.js') && existsSync(p));

describe('package contents (npm pack)', () => {
  const skip = npmCli === undefined ? 'npm not found (npm_execpath unset, none beside node)' : false;
  it('ships the library and the bundle, no compiled tests', { skip }, () => {
    assert.ok(npmCli);
    // The test build has compiled tests beside the library code: `files` must leave them out.
    const built = readdirSync(join(root, 'dist', 'src'), { recursive: true }).map(String);
    assert.ok(built.some((f) => f.endsWith('.test.js')));
    // --ignore-scripts: prepack would wipe dist/ and rebuild it without tests; this checks `files` on the test
    // build itself, so the package stays clean however dist/ was built.
    const r = spawnSync(process.execPath, [npmCli, 'pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const [pack] = JSON.parse(r.stdout) as [{ files: { path: string }[] }];
    const files = pack.files.map((f) => f.path);
    assert.ok(files.includes('dist/bin/kgap.cjs'));
    assert.ok(files.includes('dist/src/index.js') && files.includes('dist/src/index.d.ts'));
    assert.deepEqual(
      files.filter((f) => /\.test[.-]|^dist\/(test|bench|scripts)\//.test(f)),
      [],
    );
  });
});
