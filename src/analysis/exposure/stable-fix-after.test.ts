import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REAL_DYADS as DYADS } from '../../../test/helpers/real-dyads.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { parseDyad } from '../../sources/vulns/parse-dyad.js';
import { stableFixAfter } from './stable-fix-after.js';

// [cve, base, the first fix on the base's branch after it]: the CNA's real `.dyad` lines (test/helpers/real-dyads.ts).
const CASES: readonly [string, string, string | null][] = [
  // Two fixes on 6.12 (6.12.49, then 6.12.81): the first one after the base, not the first one listed or the last.
  ['CVE-2025-39816', '6.12.10', '6.12.49'],
  ['CVE-2025-39816', '6.12.49', '6.12.81'],
  ['CVE-2025-39816', '6.12.81', null],
  ['CVE-2022-48628', '6.1.55', '6.1.56'],
  ['CVE-2022-48628', '6.1.56', null],
  ['CVE-2022-48628', '6.5', '6.5.6'],
  // An rc of 6.6 is on the 6.6 branch, before 6.6 itself.
  ['CVE-2022-48628', '6.6-rc3', '6.6'],
  // A fix on another branch never counts: 5.15 has none.
  ['CVE-2022-48628', '5.15.100', null],
  // `0` (no fix) lines: 5.10 never got one.
  ['CVE-2025-21629', '5.10.229', null],
  ['CVE-2025-21629', '6.1.116', '6.1.124'],
];

describe('stableFixAfter (real .dyad lines)', () => {
  for (const [cve, base, expected] of CASES) {
    it(`${cve} after ${base}: ${expected ?? 'none'}`, () => {
      const v = parseKernelVersion(base);
      assert.ok(v);
      assert.equal(stableFixAfter({ dyad: parseDyad(DYADS[cve] ?? '').entries }, v), expected);
    });
  }
});
