import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARCHES, type Expr } from '../../domain/hardening-check.js';
import { compareKernelVersions, parseKernelVersion } from '../../domain/kernel-version.js';
import { hardeningChecks } from './checks/index.js';
import { parseRuleText, renderRuleText } from './rule-text.js';

function conditions(e: Expr): string[] {
  if ('any' in e) return e.any.flatMap(conditions);
  if ('all' in e) return e.all.flatMap(conditions);
  return [e.option];
}

describe('the hardening checklist (data)', () => {
  it('has unique ids', () => {
    const seen = new Set<string>();
    for (const c of hardeningChecks) {
      assert.ok(!seen.has(c.id), `duplicate id ${c.id}`);
      seen.add(c.id);
    }
  });

  it('covers at least 260 Kconfig, 65 cmdline and 40 sysctl checks on x86_64', () => {
    const on = hardeningChecks.filter((c) => !c.arches || c.arches.includes('x86_64'));
    const count = (t: string) => on.filter((c) => c.type === t).length;
    assert.ok(count('kconfig') >= 260, `kconfig ${count('kconfig')}`);
    assert.ok(count('cmdline') >= 65, `cmdline ${count('cmdline')}`);
    assert.ok(count('sysctl') >= 40, `sysctl ${count('sysctl')}`);
    for (const arch of ARCHES)
      assert.ok(
        hardeningChecks.some((c) => c.arches?.includes(arch)),
        `no ${arch}-specific check`,
      );
  });

  it('states versions that parse, in order, and options named per type', () => {
    for (const c of hardeningChecks) {
      const versions = [
        c.since,
        c.until,
        ...Object.values(c.sinceByArch ?? {}),
        ...(c.renamedFrom ?? []).map((r) => r.until),
      ];
      for (const v of versions) if (v !== undefined) assert.ok(parseKernelVersion(v), `${c.id}: bad version ${v}`);
      const since = c.since ? parseKernelVersion(c.since) : null;
      const until = c.until ? parseKernelVersion(c.until) : null;
      if (since && until) assert.ok(compareKernelVersions(since, until) < 0, `${c.id}: since >= until`);
      if (c.type === 'kconfig') assert.match(c.option, /^CONFIG_[A-Z0-9_]+$/, c.id);
      if (c.type === 'sysctl') assert.match(c.option, /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/, c.id);
      for (const o of [...(c.orElse ?? []), ...(c.andAlso ?? [])].flatMap(conditions)) assert.ok(o.length > 0);
      assert.ok(c.why.length >= 3 && !c.why.includes('\n'), `${c.id}: why`);
    }
  });

  it('renders every rule back to text that parses to the same rule', () => {
    for (const c of hardeningChecks) assert.deepEqual(parseRuleText(renderRuleText(c.rule)), c.rule, c.id);
  });

  it('pins the 6.9 MITIGATION_* renames', () => {
    const retpoline = hardeningChecks.find((c) => c.id === 'CONFIG_MITIGATION_RETPOLINE');
    assert.deepEqual(retpoline?.renamedFrom, [{ name: 'CONFIG_RETPOLINE', until: '6.9' }]);
  });
});

describe('parseRuleText', () => {
  const cases: [string, unknown][] = [
    ['y', { op: 'eq', value: 'y' }],
    ['is not set', { op: 'not-set' }],
    ['is present', { op: 'present' }],
    ['is not off', { op: 'not-off' }],
    ['>= 65536', { op: 'min', value: 65536 }],
    ['<= 0x10', { op: 'max', value: 16 }],
    ['contains landlock', { op: 'contains', value: 'landlock' }],
    ['equals CONFIG_ARCH_MMAP_RND_BITS_MAX', { op: 'equals-option', option: 'CONFIG_ARCH_MMAP_RND_BITS_MAX' }],
    ['auto,nosmt', { op: 'eq', value: 'auto,nosmt' }],
    ['is maybe', null],
    ['>= x', null],
    ['', null],
  ];
  for (const [text, want] of cases) it(JSON.stringify(text), () => assert.deepEqual(parseRuleText(text), want));
});
