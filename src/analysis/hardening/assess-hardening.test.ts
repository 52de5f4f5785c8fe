import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HardeningCheck } from '../../domain/hardening-check.js';
import { parseKernelConfig } from '../../domain/kernel-config.js';
import { parseCmdline, parseSysctl } from '../../sources/hardening/parse-runtime.js';
import { type AssessOptions, assessHardening } from './assess-hardening.js';
import { all, cl, kc, rowsOf } from './checks/build.js';
import { hardeningChecks } from './checks/index.js';
import { compareHardening } from './compare-hardening.js';
import { kernelFactsOf, upstreamVersionOf } from './kernel-facts.js';
import { buildReleaseIndex } from './release-index.js';

/** A config text with a header and the given lines. */
function config(version: string, arch: string, ...lines: string[]) {
  const archSymbol = arch === 'x86' ? 'CONFIG_X86_64=y' : `CONFIG_${arch.toUpperCase()}=y`;
  return parseKernelConfig([`# Linux/${arch} ${version} Kernel Configuration`, archSymbol, ...lines].join('\n'), {
    source: `test-${version}`,
  });
}

const row = rowsOf('kconfig', { reason: 'self-protection', sources: ['kspp'], profile: 'recommended' });
const kstack = row('CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT', 'y', { since: '5.13', why: 'per-syscall stack offset' });
const retpoline = row('CONFIG_MITIGATION_RETPOLINE', 'y', {
  since: '4.15',
  renamedFrom: [{ name: 'CONFIG_RETPOLINE', until: '6.9' }],
  why: 'retpolines',
});
const x86only = row('CONFIG_X86_KERNEL_IBT', 'y', {
  arches: ['x86_64'],
  since: '5.18',
  why: 'indirect branch tracking',
});
const removed = row('CONFIG_REFCOUNT_FULL', 'y', { since: '4.13', until: '5.5', why: 'refcount saturation' });
const cmd = rowsOf('cmdline', { reason: 'self-protection', sources: ['kspp'], profile: 'recommended' });
const initOnAlloc = cmd('init_on_alloc', '1', {
  orElse: [all(kc('CONFIG_INIT_ON_ALLOC_DEFAULT_ON', 'y'), cl('init_on_alloc', 'is not set'))],
  why: 'zero allocations',
});

function statusOf(check: HardeningCheck, cfg: ReturnType<typeof config>, extra: Partial<AssessOptions> = {}) {
  const report = assessHardening({
    checks: [check],
    inputs: { config: cfg, cmdline: null, sysctl: null },
    facts: kernelFactsOf(cfg),
    source: cfg.source,
    asOf: '2026-06-01',
    ...extra,
  });
  const [result] = report.checks;
  assert.ok(result);
  return result;
}

describe('version and architecture rules', () => {
  it('an option introduced in 5.13 is not-applicable on 5.10, and says why', () => {
    const r = statusOf(kstack, config('5.10.45', 'x86'));
    assert.equal(r.status, 'not-applicable');
    assert.equal(r.detail, 'introduced in 5.13; this kernel is 5.10.45');
  });
  it('the same option absent from a 6.1 config fails', () =>
    assert.equal(statusOf(kstack, config('6.1.5', 'x86')).status, 'fail'));
  it('a backport present in an older config is evaluated, not ruled out', () => {
    assert.equal(statusOf(kstack, config('5.10.45', 'x86', 'CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT=y')).status, 'ok');
  });
  it('before 6.9 the old name CONFIG_RETPOLINE is read; from 6.9 the new one', () => {
    const old = statusOf(retpoline, config('6.1.170', 'x86', 'CONFIG_RETPOLINE=y'));
    assert.deepEqual([old.status, old.option], ['ok', 'CONFIG_RETPOLINE']);
    const fresh = statusOf(retpoline, config('6.12.1', 'x86', 'CONFIG_RETPOLINE=y'));
    assert.deepEqual(
      [fresh.status, fresh.option],
      ['ok', 'CONFIG_RETPOLINE'],
      'a config that still uses the old name is read as is',
    );
    const absent = statusOf(retpoline, config('6.12.1', 'x86'));
    assert.deepEqual([absent.status, absent.option], ['fail', 'CONFIG_MITIGATION_RETPOLINE']);
  });
  it('another architecture is not-applicable; an unknown one is unknown', () => {
    assert.equal(statusOf(x86only, config('6.6.7', 'arm64')).status, 'not-applicable');
    const noArch = parseKernelConfig('CONFIG_FOO=y\n', { source: 'bare' });
    assert.equal(statusOf(x86only, noArch).status, 'unknown');
  });
  it('an option removed in 5.5 is not-applicable on 6.1', () => {
    assert.match(statusOf(removed, config('6.1.5', 'x86')).detail ?? '', /removed in 5.5/);
  });
  it('vendor release strings give the upstream version', () => {
    const cases: [string, string | null][] = [
      ['6.12.0-55.40.1.el10_0.x86_64', '6.12'],
      ['6.15.11-hardened1', '6.15.11'],
      ['6.6.104.2', '6.6.104'],
      ['6.18.0-rc3', '6.18-rc3'],
      ['5.4.0-26-generic', '5.4'],
      ['banana', null],
    ];
    for (const [text, want] of cases) {
      const v = upstreamVersionOf(text);
      assert.equal(
        v
          ? `${v.branchKey[0]}.${v.branchKey[1]}${v.sublevel ? `.${v.sublevel}` : ''}${v.rc ? `-rc${v.rc}` : ''}`
          : null,
        want,
        text,
      );
    }
  });
});

describe('inputs and combinations', () => {
  it('a cmdline check is unknown without a cmdline, and the Kconfig default satisfies it when the param is absent', () => {
    const cfg = config('6.1.5', 'x86', 'CONFIG_INIT_ON_ALLOC_DEFAULT_ON=y');
    assert.equal(statusOf(initOnAlloc, cfg).status, 'unknown');
    const withCmdline = (text: string) =>
      assessHardening({
        checks: [initOnAlloc],
        inputs: { config: cfg, cmdline: parseCmdline(text), sysctl: null },
        facts: kernelFactsOf(cfg),
        source: 's',
        asOf: '2026-01-01',
      }).checks[0]?.status;
    assert.equal(withCmdline('root=/dev/sda quiet'), 'ok');
    assert.equal(withCmdline('init_on_alloc=0'), 'fail');
    assert.equal(withCmdline('init_on_alloc=on'), 'ok', 'kstrtobool spelling');
  });
  it('an empty string option is "not set"', () => {
    const salt = row('CONFIG_BUILD_SALT', 'is not set', { why: 'no fixed build salt' });
    assert.equal(statusOf(salt, config('6.1.5', 'x86', 'CONFIG_BUILD_SALT=""')).status, 'ok');
    assert.equal(statusOf(salt, config('6.1.5', 'x86', 'CONFIG_BUILD_SALT="abc"')).status, 'fail');
  });
  it('parses cmdline and sysctl text', () => {
    assert.deepEqual(
      [...parseCmdline('BOOT_IMAGE=/vmlinuz ro quiet mitigations=auto,nosmt dyndbg="a b" -- init=x')],
      [
        ['BOOT_IMAGE', '/vmlinuz'],
        ['ro', ''],
        ['quiet', ''],
        ['mitigations', 'auto,nosmt'],
        ['dyndbg', 'a b'],
      ],
    );
    assert.deepEqual(
      [...parseSysctl('kernel.kptr_restrict = 2\nkernel/printk=4\t4  1 7\n# c\n')],
      [
        ['kernel.kptr_restrict', '2'],
        ['kernel.printk', '4 4 1 7'],
      ],
    );
  });
  it('a waiver excuses a failure until it expires, then says so', () => {
    const cfg = config('6.1.5', 'x86');
    const waivers = new Map([
      ['CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT', { reason: 'perf', owner: 'kernel-team', expires: '2026-03-01' }],
    ]);
    const live = statusOf(kstack, cfg, { waivers, asOf: '2026-02-01' });
    assert.deepEqual([live.status, live.waiver?.expired], ['fail', false]);
    const expired = statusOf(kstack, cfg, { waivers, asOf: '2026-03-02' });
    assert.equal(expired.waiver?.expired, true);
    assert.match(expired.detail ?? '', /waiver expired on 2026-03-01/);
  });
});

describe('upgrade gain and diff', () => {
  const releases = buildReleaseIndex([
    ['5.13', '2021-06-27'],
    ['6.6', '2023-10-30'],
    ['6.6.7', '2023-12-13'],
  ]);
  it('lists defenses newer than the kernel, up to the latest release, with dates', () => {
    const cfg = config('5.10.45', 'x86');
    const report = assessHardening({
      checks: hardeningChecks,
      inputs: { config: cfg, cmdline: null, sysctl: null },
      facts: kernelFactsOf(cfg),
      source: 's',
      releases,
      asOf: '2026-01-01',
    });
    const kstackGain = report.upgradeGain.find((g) => g.id === 'CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT');
    assert.deepEqual([kstackGain?.since, kstackGain?.sinceDate], ['5.13', '2021-06-27']);
    assert.ok(report.upgradeGain.some((g) => g.option === 'CONFIG_LIST_HARDENED' && g.since === '6.6'));
    assert.ok(!report.upgradeGain.some((g) => g.since === '6.11'), 'nothing after the newest release (6.6.7)');
    assert.ok(!report.upgradeGain.some((g) => g.option === 'CONFIG_IO_URING'), 'new attack surface is not a gain');
    assert.equal(report.latestRelease, '6.6.7');
  });
  it('classifies regress, improve and appear', () => {
    const checks = [kstack, retpoline, x86only];
    const a = config('5.10.45', 'x86', 'CONFIG_RETPOLINE=y');
    const b = config('6.1.5', 'x86', 'CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT=y', 'CONFIG_X86_KERNEL_IBT=y');
    const run = (cfg: typeof a) =>
      assessHardening({
        checks,
        inputs: { config: cfg, cmdline: null, sysctl: null },
        facts: kernelFactsOf(cfg),
        source: cfg.source,
        asOf: '2026-01-01',
      });
    const diff = compareHardening(run(a), run(b));
    assert.deepEqual(
      diff.changes.map((c) => [c.id, c.kind]),
      [
        ['CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT', 'appear'],
        ['CONFIG_MITIGATION_RETPOLINE', 'regress'],
        ['CONFIG_X86_KERNEL_IBT', 'appear'],
      ],
    );
  });
});
