/**
 * End-to-end `kgap harden` runs of the built CLI on the real configs in ../shared/data/configs: the whole corpus in
 * one call, pinned results for a few configs, the gates, and every kind of bad input (exit 2, one line).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { CLI } from './helpers/run-cli.js';

const shared = sharedDataDir();
const configs = shared ? join(shared, 'configs') : '';
const skip = shared ? false : '../shared/data absent (set KGAP_SHARED_DATA)';
const work = mkdtempSync(join(tmpdir(), 'kgap-harden-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

function kgap(args: readonly string[]) {
  const r = spawnSync(process.execPath, [CLI, 'harden', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Check = {
  id: string;
  option: string;
  type: string;
  status: string;
  detail: string | null;
  waiver: { expired: boolean } | null;
};
type Report = {
  source: string;
  kernelVersion: string;
  arch: string;
  checks: Check[];
  upgradeGain: { id: string; option: string; since: string }[];
};

function report(path: string, ...extra: string[]): Report {
  const r = kgap(['--config', path, '--format', 'json', ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Report;
}
const check = (r: Report, id: string) => r.checks.find((c) => c.id === id);

describe('kgap harden on the real configs', { skip }, () => {
  it('runs every config of the corpus in one call, without error', () => {
    const dirs = [configs, join(configs, 'distros'), join(configs, 'defconfigs')];
    const expected = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.config'))).length;
    const r = kgap(['--config', ...dirs, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const body = JSON.parse(r.stdout) as { schemaVersion: number; reports: Report[] };
    assert.equal(body.schemaVersion, 1);
    assert.equal(body.reports.length, expected);
    for (const rep of body.reports) {
      assert.ok(rep.kernelVersion, `${rep.source}: version`);
      assert.ok(['x86_64', 'arm64', 'riscv'].includes(rep.arch), `${rep.source}: ${rep.arch}`);
      assert.ok(rep.checks.every((c) => ['ok', 'fail', 'not-applicable', 'unknown'].includes(c.status)));
      assert.ok(rep.checks.some((c) => c.status === 'ok') && rep.checks.some((c) => c.status === 'fail'), rep.source);
    }
  });

  it('pins the version rule: RANDOMIZE_KSTACK_OFFSET_DEFAULT (5.13) is n/a on the 5.10 defconfig, fails on 6.1', () => {
    const old = check(
      report(join(configs, 'defconfigs/x86_64_defconfig_5.10.config')),
      'CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT',
    );
    assert.deepEqual([old?.status, old?.detail], ['not-applicable', 'introduced in 5.13; this kernel is 5.10.45']);
    assert.equal(
      check(report(join(configs, 'defconfigs/x86_64_defconfig_6.1.config')), 'CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT')
        ?.status,
      'fail',
    );
  });

  it('pins Debian 6.1.170: old names read, backported mitigations applicable, upgrade gain from 6.2', () => {
    const r = report(join(configs, 'debian-6.1.170-3-amd64.config'));
    assert.deepEqual([r.kernelVersion, r.arch], ['6.1.170', 'x86_64']);
    const retpoline = check(r, 'CONFIG_MITIGATION_RETPOLINE');
    assert.deepEqual([retpoline?.option, retpoline?.status], ['CONFIG_RETPOLINE', 'ok']);
    const erase = check(r, 'CONFIG_KSTACK_ERASE');
    assert.deepEqual([erase?.option, erase?.status], ['CONFIG_GCC_PLUGIN_STACKLEAK', 'fail']);
    assert.equal(check(r, 'CONFIG_MITIGATION_ITS')?.status, 'ok', 'a 6.15 mitigation backported to 6.1.170');
    assert.equal(check(r, 'CONFIG_INIT_STACK_ALL_ZERO')?.status, 'ok');
    assert.equal(check(r, 'CONFIG_ARM64_PAN')?.status, 'not-applicable');
    assert.equal(check(r, 'kernel.kptr_restrict')?.status, 'unknown');
    assert.ok(r.upgradeGain.some((g) => g.option === 'CONFIG_LIST_HARDENED' && g.since === '6.6'));
    assert.ok(!r.upgradeGain.some((g) => g.option === 'CONFIG_MITIGATION_ITS'), 'present already');
  });

  it('pins Android 15 (arm64, Clang): CFI and shadow call stack ok', () => {
    const r = report(join(configs, 'distros/Android_15_6.6_aarch64.config'));
    assert.equal(check(r, 'CONFIG_CFI_CLANG')?.status, 'ok');
    assert.equal(check(r, 'CONFIG_SHADOW_CALL_STACK')?.status, 'ok');
    assert.equal(check(r, 'CONFIG_X86_KERNEL_IBT')?.status, 'not-applicable');
  });

  it('reads --cmdline and --sysctl', () => {
    writeFileSync(join(work, 'cmdline'), 'BOOT_IMAGE=/vmlinuz root=/dev/vda1 ro mitigations=off init_on_free=1\n');
    writeFileSync(join(work, 'sysctl'), 'kernel.kptr_restrict = 1\nkernel.dmesg_restrict = 1\n');
    const r = report(
      join(configs, 'x86_64-6.18.44-vm.config'),
      '--cmdline',
      join(work, 'cmdline'),
      '--sysctl',
      join(work, 'sysctl'),
    );
    assert.equal(check(r, 'mitigations')?.status, 'fail');
    assert.equal(check(r, 'spectre_v2')?.status, 'fail', 'mitigations=off switches every mitigation off');
    assert.equal(check(r, 'init_on_free')?.status, 'ok');
    assert.equal(check(r, 'kernel.kptr_restrict')?.status, 'fail');
    assert.equal(check(r, 'kernel.dmesg_restrict')?.status, 'ok');
  });

  it('--fail-on fail exits 1; waivers excuse failures until they expire', () => {
    const cfg = join(configs, 'x86_64-6.18.44-vm.config');
    const policy = join(work, 'policy.json');
    writeFileSync(policy, JSON.stringify({ profiles: ['baseline'], types: ['kconfig'] }));
    assert.equal(kgap(['--config', cfg, '--policy', policy, '--fail-on', 'fail']).code, 1);
    const failing = report(cfg, '--policy', policy)
      .checks.filter((c) => c.status === 'fail')
      .map((c) => c.id);
    assert.ok(failing.length > 0);
    const waivers = failing.map((id) => ({
      check: id,
      reason: 'accepted for the 2026 release',
      owner: 'kernel-team',
      expires: '2030-01-01',
    }));
    writeFileSync(policy, JSON.stringify({ profiles: ['baseline'], types: ['kconfig'], waivers }));
    assert.equal(kgap(['--config', cfg, '--policy', policy, '--fail-on', 'fail', '--as-of', '2029-12-31']).code, 0);
    const late = kgap(['--config', cfg, '--policy', policy, '--fail-on', 'fail', '--as-of', '2030-01-02']);
    assert.equal(late.code, 1);
    assert.match(late.stdout, /waiver expired on 2030-01-01/);
  });

  it('--against reports regressions and gates on them', () => {
    const r = kgap([
      '--config',
      join(configs, 'defconfigs/x86_64_defconfig_6.17.config'),
      '--against',
      join(configs, 'defconfigs/x86_64_defconfig_6.1.config'),
      '--format',
      'json',
      '--fail-on',
      'regress',
    ]);
    const body = JSON.parse(r.stdout) as { counts: Record<string, number>; changes: { kind: string }[] };
    assert.ok(body.counts.regress !== undefined && body.counts.regress > 0);
    assert.equal(r.code, 1);
    const same = kgap([
      '--config',
      join(configs, 'debian-6.1.170-3-amd64.config'),
      '--against',
      join(configs, 'debian-6.1.170-3-amd64.config'),
      '--fail-on',
      'regress',
    ]);
    assert.equal(same.code, 0);
  });

  it('renders table and markdown deterministically', () => {
    const cfg = join(configs, 'debian-6.12.117-amd64.config');
    for (const format of ['table', 'markdown', 'json']) {
      const a = kgap(['--config', cfg, '--format', format]);
      const b = kgap(['--config', cfg, '--format', format]);
      assert.equal(a.code, 0);
      assert.equal(a.stdout, b.stdout, format);
    }
    assert.match(
      kgap(['--config', cfg, '--format', 'markdown']).stdout,
      /^# Hardening\n\n## .*Linux 6\.12\.117, x86_64/,
    );
  });
});

describe('kgap harden --running', () => {
  const live = existsSync('/proc/config.gz') || existsSync('/proc/sys/kernel/osrelease');
  it(
    'reads this machine: config, /proc/cmdline and the sysctls',
    { skip: existsSync('/proc/config.gz') ? false : 'no /proc/config.gz here' },
    () => {
      assert.ok(live);
      const r = kgap(['--running', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const body = JSON.parse(r.stdout) as Report & { inputs: Record<string, boolean> };
      assert.deepEqual(body.inputs, { config: true, cmdline: true, sysctl: true });
      assert.ok(
        ['ok', 'fail'].includes(check(body, 'kernel.kptr_restrict')?.status ?? ''),
        'sysctl read from /proc/sys',
      );
    },
  );
});

describe('kgap harden without release data', () => {
  it('a download that fails is a warning: the report has no upgrade-gain horizon, exit 0', () => {
    const config = join(work, 'offline.config');
    writeFileSync(config, '# Linux/x86 6.1.1 Kernel Configuration\nCONFIG_X86_64=y\n');
    // Port 9 (discard) refuses at once: the fetch fails without waiting for a timeout.
    const url = 'http://127.0.0.1:9/linux-kernel.json';
    const r = kgap(['--config', config, '--releases', url, '--cache-dir', join(work, 'cache'), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^kgap harden: cannot fetch http:\/\/127\.0\.0\.1:9\/.*; the upgrade gain has no upper limit\n$/,
    );
    assert.equal((JSON.parse(r.stdout) as { latestRelease: string | null }).latestRelease, null);
  });
});

describe('kgap harden bad input: exit 2, one line', () => {
  const gz = join(work, 'fake.config.gz');
  const notConfig = join(work, 'notes.txt');
  const typo = join(work, 'typo.json');
  const badDate = join(work, 'date.json');
  writeFileSync(gz, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
  writeFileSync(notConfig, 'just some text\n');
  writeFileSync(
    typo,
    JSON.stringify({
      waivers: [{ check: 'CONFIG_INIT_STACK_ALL_ZER0', reason: 'r', owner: 'o', expires: '2030-01-01' }],
    }),
  );
  writeFileSync(
    badDate,
    JSON.stringify({
      waivers: [{ check: 'CONFIG_INIT_STACK_ALL_ZERO', reason: 'r', owner: 'o', expires: '2030-02-30' }],
    }),
  );
  const okConfig = join(work, 'ok.config');
  writeFileSync(okConfig, '# Linux/x86 6.1.1 Kernel Configuration\nCONFIG_X86_64=y\n');
  const cases: [string, string[], RegExp][] = [
    ['not a kernel config', ['--config', notConfig], /is not a kernel config/],
    ['a gzip that is not', ['--config', gz], /looks gzip-compressed but does not decompress/],
    ['a missing file', ['--config', join(work, 'nope.config')], /cannot read kernel config/],
    [
      'an unknown arch',
      ['--config', okConfig, '--arch', 'sparc'],
      /--arch takes one of x86_64, arm64, arm, riscv, not "sparc"/,
    ],
    [
      'a typo in a check id',
      ['--config', okConfig, '--policy', typo],
      /unknown check id "CONFIG_INIT_STACK_ALL_ZER0" \(did you mean CONFIG_INIT_STACK_ALL_ZERO/,
    ],
    [
      'an invalid waiver date',
      ['--config', okConfig, '--policy', badDate],
      /--policy .*date\.json: waivers\.0\.expires: takes a day as YYYY-MM-DD \(e\.g\. 2024-02-13\), not "2030-02-30"/,
    ],
    ['--fail-on regress without --against', ['--config', okConfig, '--fail-on', 'regress'], /needs --against/],
    ['a missing --releases file', ['--config', okConfig, '--releases', join(work, 'nope.json')], /cannot read release/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = kgap(args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    });
  }
});

describe('docs/hardening.md', () => {
  it('is generated from the checklist and up to date (node dist/scripts/gen-hardening-doc.js)', async () => {
    const { renderHardeningDoc } = await import('../src/formats/hardening/render-hardening-doc.js');
    const { hardeningChecks } = await import('../src/analysis/hardening/checks/index.js');
    const committed = readFileSync(fileURLToPath(new URL('../../docs/hardening.md', import.meta.url)), 'utf8');
    assert.equal(committed, renderHardeningDoc(hardeningChecks));
  });
});
