import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseLkftKnownIssues } from '../../sources/results/parse-lkft-known-issues.js';
import { knownIssueMatcher } from './known-issues.js';
import { lkftContextProblem, selectLkftIssues } from './lkft-known-issues.js';

const production = parseLkftKnownIssues(
  readFileSync(
    new URL('../../../../test/fixtures/known-issues/lkft/kselftests-production.yaml', import.meta.url),
    'utf8',
  ),
);
const staging = parseLkftKnownIssues(
  readFileSync(new URL('../../../../test/fixtures/known-issues/lkft/test-issues.yaml', import.meta.url), 'utf8'),
);

describe('selectLkftIssues: an issue applies when active and listed for the project and environment', () => {
  it('fork10 (matrix_apply) applies to x86 on mainline but not on linux-next', () => {
    const on = (environment: string, project: string) =>
      selectLkftIssues(staging, { environment, project }).map((i) => i.test);
    assert.ok(on('x86', 'lkft/linux-mainline-oe').includes('ltp-syscalls-tests/fork10'));
    assert.ok(!on('x86', 'lkft/linux-next-oe').includes('ltp-syscalls-tests/fork10'));
    assert.ok(on('hi6220-hikey', 'lkft/linux-next-oe').includes('ltp-syscalls-tests/fork10'));
  });

  it("the production file's glob names match kgap-style ids; an arm64-only issue stays off x86", () => {
    const arm64 = knownIssueMatcher(
      selectLkftIssues(production, { environment: 'qemu-arm64', project: 'lkft/linux-stable-rc-linux-6.1.y' }),
      '2026-09-01',
    );
    const x86 = knownIssueMatcher(
      selectLkftIssues(production, { environment: 'qemu-x86_64', project: 'lkft/linux-stable-rc-linux-6.1.y' }),
      '2026-09-01',
    );
    const match = arm64.test('kselftest-bpf/bpf.test_progs');
    assert.equal(match?.expired, false);
    assert.equal(match?.expires, null);
    assert.match(match?.reason ?? '', /test_progs: libbpf: failed to open \.\/test_pkt_access\.o/);
    assert.notEqual(arm64.test('kselftest/breakpoint.test_arm64'), null);
    assert.equal(x86.test('kselftest/breakpoint.test_arm64'), null);
    assert.equal(arm64.test('ltp/fork13'), null);
  });
});

describe('lkftContextProblem', () => {
  it('needs both, each declared in the file, naming the field', () => {
    assert.match(
      lkftContextProblem(staging, {})?.problem ?? '',
      /^is needed with an LKFT known-issues file: the SQUAD environment .* \(one of its 3: hi6220-hikey, juno-r2, x86\)$/,
    );
    assert.equal(lkftContextProblem(staging, { environment: 'x86' })?.field, 'lkftProject');
    assert.match(
      lkftContextProblem(staging, { environment: 'qemu', project: 'x' })?.problem ?? '',
      /^qemu is not one of the known-issues file's environments/,
    );
    assert.equal(lkftContextProblem(staging, { environment: 'x86', project: 'lkft/linux-next-oe' }), null);
  });
});
