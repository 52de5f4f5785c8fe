import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { branchOf, compareKernelVersions, formatKernelVersion, parseKernelVersion } from './kernel-version.js';

describe('parseKernelVersion', () => {
  const cases: [string, string | null, string | null][] = [
    // input, canonical form, branch
    ['6.1.170', '6.1.170', '6.1'],
    ['v6.1.170', '6.1.170', '6.1'],
    ['6.13', '6.13', '6.13'],
    ['6.1.0', '6.1', '6.1'],
    ['6.13-rc3', '6.13-rc3', '6.13'],
    ['2.6.32', '2.6.32', '2.6.32'],
    ['2.6.32.70', '2.6.32.70', '2.6.32'],
    ['2.6.32-rc1', '2.6.32-rc1', '2.6.32'],
    ['3.0.101', '3.0.101', '3.0'],
    ['6', null, null],
    ['6.1.170.1', null, null],
    ['2.6', null, null],
    ['6.1.5-rc1', null, null],
    ['abc', null, null],
    ['', null, null],
    ['6.1.170-3', null, null],
  ];
  for (const [input, canonical, branch] of cases) {
    it(`${JSON.stringify(input)} -> ${canonical ?? 'invalid'}`, () => {
      const v = parseKernelVersion(input);
      if (canonical === null) return assert.equal(v, null);
      assert.ok(v);
      assert.equal(formatKernelVersion(v), canonical);
      assert.equal(branchOf(v), branch);
    });
  }
});

describe('compareKernelVersions', () => {
  const ordered = [
    '2.6.32',
    '2.6.32.70',
    '2.6.34',
    '3.0',
    '4.19.323',
    '6.1',
    '6.1.55',
    '6.1.170',
    '6.12-rc1',
    '6.12-rc7',
    '6.12',
    '6.12.9',
    '6.13-rc3',
    '6.13',
  ];
  it('orders versions across branches, rcs before their release', () => {
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        const a = parseKernelVersion(ordered[i] as string);
        const b = parseKernelVersion(ordered[j] as string);
        assert.ok(a && b);
        assert.equal(Math.sign(compareKernelVersions(a, b)), Math.sign(i - j), `${ordered[i]} vs ${ordered[j]}`);
      }
    }
  });
});
