import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectRunningVersion, parseUpstreamVersion } from './distro-version.js';
import { formatKernelVersion } from './kernel-version.js';

describe('parseUpstreamVersion', () => {
  const cases: [string, string | null][] = [
    ['6.1.170', '6.1.170'],
    ['6.1.170-3', '6.1.170'],
    ['6.5.6-300.fc39.x86_64', '6.5.6'],
    ['6.18.44-arch1-1', '6.18.44'],
    ['6.1.0-47-amd64', null], // Debian ABI name: the upstream sublevel is not 0
    ['5.15.0-91-generic', null], // Ubuntu ABI name
    ['banana', null],
    ['6.1.x', null],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected ?? 'rejected'}`, () => {
      const r = parseUpstreamVersion(input);
      if (expected === null) {
        assert.equal(r.ok, false);
        if (!r.ok) assert.match(r.reason, /version/);
      } else {
        assert.ok(r.ok);
        if (r.ok) assert.equal(formatKernelVersion(r.version), expected);
      }
    });
  }
});

describe('detectRunningVersion', () => {
  it('reads the Debian package version from /proc/version, not the ABI name', () => {
    const r = detectRunningVersion({
      procVersion:
        'Linux version 6.1.0-47-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.170-3 (2026-04-30)',
      unameRelease: '6.1.0-47-amd64',
    });
    assert.ok(r.ok);
    if (r.ok) assert.equal(formatKernelVersion(r.version), '6.1.170');
  });
  it('reads Ubuntu /proc/version_signature', () => {
    const r = detectRunningVersion({
      versionSignature: 'Ubuntu 5.15.0-91.101-generic 5.15.131\n',
      unameRelease: '5.15.0-91-generic',
    });
    assert.ok(r.ok);
    if (r.ok) assert.equal(formatKernelVersion(r.version), '5.15.131');
  });
  it('takes a plain upstream release', () => {
    const r = detectRunningVersion({
      procVersion: 'Linux version 6.18.44 (root@vm) (gcc 14) #1 SMP',
      unameRelease: '6.18.44',
    });
    assert.ok(r.ok);
  });
  it('says when the upstream version cannot be known', () => {
    const r = detectRunningVersion({
      procVersion: 'Linux version 6.1.0-47-amd64 (x) #1 SMP',
      unameRelease: '6.1.0-47-amd64',
    });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /--version/);
  });
});
