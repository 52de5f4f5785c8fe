import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { assertOneLineUsageError } from './helpers/assert-user-error.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

const real = await realIndex();
const shared = sharedDataDir();
const skip = real === null || shared === null ? REAL_DATA_SKIP_REASON : false;
const env: Record<string, string> =
  real && shared
    ? {
        KGAP_CACHE_DIR: real.cacheDir,
        KGAP_VULNS_REPO: join(shared, 'vulns.git'),
        KGAP_RELEASES: join(shared, 'linux-kernel-releases.json'),
      }
    : {};
const scratch = mkdtempSync(join(tmpdir(), 'kgap-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A user error is one `kgap:` line on stderr (after any progress lines), no stack trace, exit 2. */
const assertUserError = assertOneLineUsageError;

describe('kgap status (e2e)', () => {
  it('json: documented fields, byte-stable across runs', { skip }, () => {
    const a = runCli(['status', '--version', '6.1.170', '--format', 'json'], env);
    const b = runCli(['status', '--version', '6.1.170', '--format', 'json'], env);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    const doc = JSON.parse(a.stdout);
    assert.equal(doc.schemaVersion, 1);
    assert.equal(typeof doc.summary.affected, 'number');
    assert.equal(doc.affected.length, doc.summary.affected);
    const f = doc.affected.find((x: { id: string }) => x.id === 'CVE-2025-38429');
    assert.deepEqual(Object.keys(f).slice(0, 7), [
      'id',
      'title',
      'cvss',
      'severity',
      'fixedOnBranch',
      'fixedUpstream',
      'published',
    ]);
    assert.match(f.published, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(doc.kernel.branch, '6.1');
    assert.equal(doc.branch.latest, '6.1.183');
  });

  it('table and markdown', { skip }, () => {
    const t = runCli(['status', '--version', '6.1.170', '--limit', '3'], env);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /^Kernel 6\.1\.170 on branch 6\.1/);
    assert.match(t.stdout, /Showing 3 of \d+ \(first 3\)/);
    const m = runCli(['status', '--version', '6.1.170', '--format', 'markdown', '--limit', '2'], env);
    assert.match(m.stdout, /^# kgap status: Linux 6\.1\.170\n/);
    assert.match(m.stdout, /\| CVE \| CVSS \|/);
  });

  it('--min-cvss filters the list, not the summary', { skip }, () => {
    const r = runCli(['status', '--version', '6.1.170', '--format', 'json', '--min-cvss', '9.5'], env);
    const doc = JSON.parse(r.stdout);
    assert.ok(doc.affected.length > 0 && doc.affected.length < doc.summary.affected);
    assert.ok(doc.affected.every((f: { cvss: number }) => f.cvss >= 9.5));
  });

  it('--fail-on: exit 1 when met, 0 when not, 2 when malformed', { skip }, () => {
    assert.equal(runCli(['status', '--version', '6.1.170', '--fail-on', 'critical', '--limit', '0'], env).code, 1);
    assert.equal(
      runCli(['status', '--version', '6.1.170', '--fail-on', 'high', '--min-cvss', '10', '--limit', '1'], env).code,
      1,
    );
    assert.equal(runCli(['status', '--version', '6.1.170', '--fail-on', '100000', '--limit', '0'], env).code, 0);
    assert.equal(
      runCli(['status', '--version', '6.1.183', '--min-cvss', '9', '--fail-on', '5000', '--limit', '0'], env).code,
      0,
    );
    assertUserError(runCli(['status', '--version', '6.1.170', '--fail-on', 'loud'], env), /--fail-on takes/);
  });

  it('--running reads the Debian upstream version from /proc/version', { skip }, () => {
    const proc = join(scratch, 'proc');
    mkdirSync(join(proc, 'sys', 'kernel'), { recursive: true });
    writeFileSync(
      join(proc, 'version'),
      'Linux version 6.1.0-47-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.170-3 (2026-04-30)\n',
    );
    writeFileSync(join(proc, 'sys', 'kernel', 'osrelease'), '6.1.0-47-amd64\n');
    const r = runCli(['status', '--running', '--format', 'json', '--limit', '0'], { ...env, KGAP_PROC_ROOT: proc });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).kernel.version, '6.1.170');
    assert.match(r.stderr, /Debian package version/);
  });

  it('--running picks up the running kernel config (/proc/config.gz)', { skip }, () => {
    assert.ok(shared);
    const proc = join(scratch, 'proc-config');
    mkdirSync(join(proc, 'sys', 'kernel'), { recursive: true });
    writeFileSync(
      join(proc, 'version'),
      'Linux version 6.1.0-47-amd64 (x) #1 SMP PREEMPT_DYNAMIC Debian 6.1.170-3 (2026-04-30)\n',
    );
    writeFileSync(join(proc, 'sys', 'kernel', 'osrelease'), '6.1.0-47-amd64\n');
    writeFileSync(
      join(proc, 'config.gz'),
      gzipSync(readFileSync(join(shared, 'configs', 'debian-6.1.170-3-amd64.config'))),
    );
    const source = join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz');
    const r = runCli(['status', '--running', '--source', source, '--format', 'json', '--limit', '0'], {
      ...env,
      KGAP_PROC_ROOT: proc,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /using the running kernel's config .*config\.gz/);
    const rel = JSON.parse(r.stdout).summary.relevance;
    assert.ok(rel.built > 1000, JSON.stringify(rel));
  });

  it('--running without a knowable upstream version asks for --version', { skip }, () => {
    const proc = join(scratch, 'proc-abi');
    mkdirSync(join(proc, 'sys', 'kernel'), { recursive: true });
    writeFileSync(join(proc, 'version'), 'Linux version 6.1.0-47-amd64 (builder) #1 SMP\n');
    writeFileSync(join(proc, 'sys', 'kernel', 'osrelease'), '6.1.0-47-amd64\n');
    assertUserError(runCli(['status', '--running'], { ...env, KGAP_PROC_ROOT: proc }), /--version/);
  });

  it('bad versions and usage: one line, exit 2', { skip }, () => {
    assertUserError(runCli(['status', '--version', 'banana'], env), /not a kernel version/);
    assertUserError(runCli(['status', '--version', '6.1.0-47-amd64'], env), /ABI name/);
    assertUserError(runCli(['status', '--version', '9.1.3'], env), /9\.1\.3 is an unknown kernel version/);
    assertUserError(runCli(['status'], env), /--version X\.Y\.Z.*--running/);
    assertUserError(
      runCli(['status', '--version', '6.1.170', '--format', 'xml'], env),
      /argument 'xml' is invalid\. Allowed choices are table, json, markdown, openvex/,
    );
    assertUserError(runCli(['status', '--version', '6.1.170', '--min-cvss', 'ten'], env), /--min-cvss takes a number/);
  });

  it('a release-dates file of the wrong shape', { skip }, () => {
    const bad = join(scratch, 'releases.json');
    writeFileSync(bad, JSON.stringify({ releases: ['6.1'] }));
    assertUserError(runCli(['status', '--version', '6.1.170', '--releases', bad], env), /not a release-dates file/);
  });

  it('a vulns path that is not a vulns repo (fresh cache)', () => {
    const cache = join(scratch, 'fresh-cache');
    // Release dates of its own: without ../shared/data the default is a URL, and offline that fails first.
    const releases = join(scratch, 'few-releases.json');
    writeFileSync(releases, JSON.stringify({ versions: { '6.1.170': { name: '6.1.170', date: '2026-04-30' } } }));
    assertUserError(
      runCli(
        ['status', '--version', '6.1.170', '--vulns-repo', scratch, '--releases', releases, '--cache-dir', cache],
        {},
      ),
      /not a git repository/,
    );
  });

  it('no network: an unreachable vulns URL', () => {
    const cache = join(scratch, 'net-cache');
    assertUserError(
      runCli(
        ['sync', '--vulns-repo', 'http://127.0.0.1:9/vulns.git', '--releases', '/nonexistent', '--cache-dir', cache],
        {},
      ),
      /cannot fetch/,
    );
  });
});

describe('kgap status --config (relevance, e2e)', () => {
  const config = shared ? join(shared, 'configs', 'debian-6.1.170-3-amd64.config') : '';
  const source = shared ? join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz') : '';
  it('splits findings by whether Debian builds the code; net/core/dev.c is built-in', { skip }, () => {
    const r = runCli(
      ['status', '--version', '6.1.120', '--config', config, '--source', source, '--format', 'json'],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    const rel = doc.summary.relevance;
    assert.equal(rel.built + rel.notBuilt + rel.unknown, doc.summary.affected);
    assert.ok(rel.built > rel.notBuilt && rel.notBuilt > 0);
    const f = doc.affected.find((x: { id: string }) => x.id === 'CVE-2025-21629');
    assert.equal(f.relevance.status, 'built');
    assert.deepEqual(f.relevance.files, [{ path: 'net/core/dev.c', status: 'built-in' }]);
    const notBuilt = doc.affected.find((x: { relevance: { status: string } }) => x.relevance.status === 'not-built');
    assert.equal(notBuilt.relevance.justification, 'vulnerable_code_not_present');
  });
  it('--only-built lists only built code; the summary still counts everything', { skip }, () => {
    const r = runCli(
      ['status', '--version', '6.1.170', '--config', config, '--source', source, '--only-built', '--format', 'json'],
      env,
    );
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.summary.shown, doc.summary.relevance.built);
    assert.ok(doc.affected.every((f: { relevance: { status: string } }) => f.relevance.status === 'built'));
  });
  it('--format openvex: not_affected with a justification where the config does not build the code', { skip }, () => {
    const r = runCli(
      ['status', '--version', '6.1.170', '--config', config, '--source', source, '--format', 'openvex'],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    const vex = JSON.parse(r.stdout);
    assert.equal(vex['@context'], 'https://openvex.dev/ns/v0.2.0');
    const byStatus = new Map<string, number>();
    for (const s of vex.statements) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
    assert.ok((byStatus.get('not_affected') ?? 0) > 400);
    assert.ok((byStatus.get('affected') ?? 0) > 1500);
    const na = vex.statements.find((s: { status: string }) => s.status === 'not_affected');
    assert.equal(na.justification, 'vulnerable_code_not_present');
    assert.deepEqual(na.products, [{ '@id': 'pkg:generic/linux@6.1.170' }]);
    const a = vex.statements.find((s: { status: string }) => s.status === 'affected');
    assert.match(a.action_statement, /Update to Linux 6\.1\.\d+|No release on the 6\.1 branch/);
  });

  it('without a source everything is unknown, with a hint', { skip }, () => {
    const r = runCli(['status', '--version', '6.1.170', '--config', config, '--format', 'json', '--limit', '1'], env);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.summary.relevance.unknown, doc.summary.affected);
    assert.match(r.stderr, /pass --source DIR/);
  });
  it("--build-dir: Kbuild's record of a real build decides, its .config is the config (issue 11)", { skip }, () => {
    const build = join(shared ?? '', 'build', 'linux-6.1.170-x86_64-small-build.tar.xz');
    const r = runCli(
      ['status', '--version', '6.1.170', '--build-dir', build, '--source', source, '--format', 'json'],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    const rel = doc.summary.relevance;
    assert.equal(rel.built + rel.notBuilt + rel.unknown, doc.summary.affected);
    // A small config: most of Debian's CVEs are in code this build never compiled.
    assert.ok(rel.notBuilt > rel.built && rel.built > 300, JSON.stringify(rel));
    const dev = doc.affected.find((x: { id: string }) => x.id === 'CVE-2026-72493');
    assert.equal(dev.relevance.status, 'built');
    assert.match(r.stderr, /build record .*: 1079 compiled files/);
  });
  it('relevance flags need a config', { skip }, () => {
    assertUserError(runCli(['status', '--version', '6.1.170', '--only-built'], env), /--only-built needs --config/);
  });
});

describe('kgap cve (e2e)', () => {
  it('shows per-branch introduced/fixed and a verdict', { skip }, () => {
    const r = runCli(['cve', 'CVE-2025-21629', '--version', '6.1.120', '--format', 'json'], env);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.title, 'net: reenable NETIF_F_IPV6_CSUM offload for BIG TCP packets');
    assert.equal(doc.cvss.score, 8.2);
    assert.deepEqual(doc.fixCommits, ['68e068cabd2c6c533ef934c2e5151609cf6ecc6d']);
    const b61 = doc.branches.find((b: { branch: string }) => b.branch === '6.1');
    assert.equal(b61.introduced, '6.1.116');
    assert.equal(b61.fixed, '6.1.124');
    assert.equal(doc.verdict.result.affected, true);
    assert.match(doc.description, /BIG TCP/);
    const t = runCli(['cve', 'cve-2025-21629'], env);
    assert.match(t.stdout, /^CVE-2025-21629: net: reenable/);
  });
  it('unknown and malformed ids', { skip }, () => {
    assertUserError(runCli(['cve', 'CVE-1999-0001'], env), /not a published kernel CVE/);
    assertUserError(runCli(['cve', 'hello'], env), /not a CVE id/);
  });
});
