import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { assessCnaVerdict, parseCnaAffected } from './helpers/cna-json-verdict.js';

// The reference reading of the CNA's JSON ranges (test/helpers/cna-json-verdict.ts) on real `affected[]` entries of
// the vulns repository (git ranges shortened to one; the semver entries as published).
const semver = (version: string, to: Record<string, string>, status: string) => ({
  version,
  ...to,
  status,
  versionType: 'semver',
});
const git = { version: '1da177e4c3f41524e886b7f1b8a0c1fc7321cac2', status: 'affected', versionType: 'git' };
const linux = (defaultStatus: string, versions: object[]) => ({
  product: 'Linux',
  vendor: 'Linux',
  defaultStatus,
  versions,
});
const RECORDS: Record<string, object[]> = {
  // Unknown introduction: one `0 <= v < F` per fixed branch, each branch's fix as `F <= v <= X.Y.*`.
  'CVE-2024-38635': [
    linux('unaffected', [
      git,
      ...['5.4.278', '5.10.219', '5.15.161', '6.1.93', '6.6.33', '6.9.4'].map((f) =>
        semver('0', { lessThan: f }, 'affected'),
      ),
    ]),
    linux('affected', [
      ...['5.4.278', '5.10.219', '5.15.161', '6.1.93', '6.6.33', '6.9.4'].map((f) =>
        semver(f, { lessThanOrEqual: `${f.split('.').slice(0, 2).join('.')}.*` }, 'unaffected'),
      ),
      { version: '6.10', lessThanOrEqual: '*', status: 'unaffected', versionType: 'original_commit_for_fix' },
    ]),
  ],
  // Stable-only windows in the git product; 6.6.74 came after the 6.6.73 fix.
  'CVE-2025-40237': [
    linux('unaffected', [
      git,
      semver('6.6.72', { lessThan: '6.6.73' }, 'affected'),
      semver('6.6.74', { lessThan: '6.6.115' }, 'affected'),
      semver('6.12.10', { lessThan: '6.12.56' }, 'affected'),
    ]),
    linux('affected', [
      { version: '6.13', status: 'affected' },
      semver('0', { lessThan: '6.13' }, 'unaffected'),
      semver('6.6.73', { lessThanOrEqual: '6.6.*' }, 'unaffected'),
      semver('6.6.115', { lessThanOrEqual: '6.6.*' }, 'unaffected'),
      semver('6.12.56', { lessThanOrEqual: '6.12.*' }, 'unaffected'),
      semver('6.17.6', { lessThanOrEqual: '6.17.*' }, 'unaffected'),
      { version: '6.18', lessThanOrEqual: '*', status: 'unaffected', versionType: 'original_commit_for_fix' },
    ]),
  ],
  // No range for 6.1 or 5.15 at all (bippy drops an unfixed stable introduction on a branch with a fix).
  'CVE-2023-53012': [
    linux('unaffected', [git, semver('6.0.16', { lessThan: '6.1' }, 'affected')]),
    linux('unaffected', []),
  ],
  // A 2.6.39.2 fix written `2.6.39.2 <= v <= 2.6.*`: the end of branch 2.6.39.
  'CVE-2026-23352': [
    linux('unaffected', [git, semver('2.6.39.1', { lessThan: '2.6.39.2' }, 'affected')]),
    linux('affected', [
      { version: '3.0', status: 'affected' },
      semver('0', { lessThan: '3.0' }, 'unaffected'),
      semver('2.6.39.2', { lessThanOrEqual: '2.6.*' }, 'unaffected'),
      semver('5.10.253', { lessThanOrEqual: '5.10.*' }, 'unaffected'),
      { version: '7.0', lessThanOrEqual: '*', status: 'unaffected', versionType: 'original_commit_for_fix' },
    ]),
  ],
};

const CASES: [cve: string, version: string, affected: boolean][] = [
  ['CVE-2024-38635', '5.4.277', true],
  ['CVE-2024-38635', '5.4.300', false], // the branch's own range wins over `0 <= v < 5.10.219`
  ['CVE-2024-38635', '5.10.218', true],
  ['CVE-2024-38635', '6.8.1', true], // no fix on 6.8: default affected
  ['CVE-2024-38635', '6.10.1', false],
  ['CVE-2025-40237', '6.6.71', false],
  ['CVE-2025-40237', '6.6.72', true],
  ['CVE-2025-40237', '6.6.73', false],
  ['CVE-2025-40237', '6.6.100', true], // `6.6.74 <= v < 6.6.115` starts after `6.6.73 <= v <= 6.6.*`
  ['CVE-2025-40237', '6.6.115', false],
  ['CVE-2025-40237', '6.12.5', false],
  ['CVE-2025-40237', '6.12.20', true],
  ['CVE-2025-40237', '6.14.2', true],
  ['CVE-2025-40237', '6.18.1', false],
  ['CVE-2023-53012', '6.0.20', true],
  ['CVE-2023-53012', '6.1.5', false],
  ['CVE-2023-53012', '5.15.86', false],
  ['CVE-2026-23352', '2.6.38', false],
  ['CVE-2026-23352', '2.6.39.1', true],
  ['CVE-2026-23352', '2.6.39.3', false],
  ['CVE-2026-23352', '3.0', true],
  ['CVE-2026-23352', '5.10.253', false],
];

describe("the CNA's JSON ranges, read branch-aware (reference for kgap's rules)", () => {
  for (const [cve, version, affected] of CASES) {
    it(`${cve} at ${version}: ${affected ? 'affected' : 'not affected'}`, () => {
      const record = parseCnaAffected(JSON.stringify({ containers: { cna: { affected: RECORDS[cve] } } }));
      assert.ok(typeof record !== 'string', String(record));
      const v = parseKernelVersion(version);
      assert.ok(v);
      assert.equal(assessCnaVerdict(record, v).affected, affected);
    });
  }
  it('names what it cannot read', () => {
    assert.match(String(parseCnaAffected('{')), /invalid JSON/);
    const odd = {
      containers: { cna: { affected: [linux('affected', [semver('6.1.x', { lessThan: '6.2' }, 'affected')])] } },
    };
    assert.match(String(parseCnaAffected(JSON.stringify(odd))), /unreadable version in "6\.1\.x < 6\.2 affected"/);
  });
});
