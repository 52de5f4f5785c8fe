import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { parseDyad } from '../../sources/vulns/parse-dyad.js';
import { assessVersion } from './assess-version.js';

// Real `.dyad` files from the kernel CNA vulns repository (docs/semantics.md cites each of these).
const DYADS: Record<string, string> = {
  'CVE-2022-48628': `# dyad version: 1.2.0
2.6.34:2f2dc053404febedc9c273452d9d518fb31fde72:6.1.56:89744b64914426cbabceb3d8a149176b5dafdfb5
2.6.34:2f2dc053404febedc9c273452d9d518fb31fde72:6.5.6:47f82395f04a976d4fa97de7f2acffa1c1096571
2.6.34:2f2dc053404febedc9c273452d9d518fb31fde72:6.6:e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd`,
  'CVE-2025-21629': `6.1.116:a84978a9cda68f0afe3f01d476c68db21526baf1:6.1.124:ac9cfef69565021c9e1022a493a9c40b03e2caf9
6.6.60:c69bc67c1cb211aa390bea6e512bb01b1241fefb:6.6.70:95ccf006bbc8b59044313b8c309dcf29c546abd4
6.12:04c20a9356f283da623903e81e7c6d5df7e4dc3c:6.12.9:d3b7a9c7597b779039a51d7b34116fbe424bf2b7
6.12:04c20a9356f283da623903e81e7c6d5df7e4dc3c:6.13:68e068cabd2c6c533ef934c2e5151609cf6ecc6d
4.19.323:bcefc3cd7f592a70fcbbbfd7ad1fbc69172ea78b:0:0
5.4.285:477b35d94a21530046fe91589960732fcf2b29ed:0:0
5.10.229:a27a5c40ee4cbe00294e2c76160de5f2589061ba:0:0
5.15.171:9f605135a5c0fe614c2b15197b9ced1e217eca59:0:0
6.11.7:705350fbd6ed4b5d89ee045fa57a0594a72b17d7:0:0`,
  'CVE-2025-39816': `6.12:ae98dbf43d755b4e111fcd086e53939bef3e9a1a:6.12.49:695673eb5711ee5eb1769481cf1503714716a7d1
6.12:ae98dbf43d755b4e111fcd086e53939bef3e9a1a:6.12.81:91f262ea2a76a02d9e37dba6637cfe6feebb20a8
6.12:ae98dbf43d755b4e111fcd086e53939bef3e9a1a:6.16.5:390a61d284e1ced088d43928dfcf6f86fffdd780
6.12:ae98dbf43d755b4e111fcd086e53939bef3e9a1a:6.17:98b6fa62c84f2e129161e976a5b9b3cb4ccd117b`,
  'CVE-2021-47645': `5.10:83f89a8bcbc3c520a889b5fc7c4b95669d712f65:5.2:8dce4b265a5357731058f69645840dabc718c687
5.10:83f89a8bcbc3c520a889b5fc7c4b95669d712f65:5.10.110:bafec1a6ba4b187a7fcdcfce0faebdc623d4ef8e
5.10:83f89a8bcbc3c520a889b5fc7c4b95669d712f65:5.15.33:7e76f3ed7ab2ae026c6ef9cc23096a7554af8c52
5.10:83f89a8bcbc3c520a889b5fc7c4b95669d712f65:5.16.19:20db2ed1e2f9fcd417fa67853e5154f0c2537d6c
5.10:83f89a8bcbc3c520a889b5fc7c4b95669d712f65:5.17.2:20811bbe685ca3eddd34b0c750860427d7030910`,
  'CVE-2025-38585': `4.12:a49d25364dfb9f8a64037488a39ab1f56c5fa419:4.18:51b8dc5163d2ff2bf04019f8bf7e3bd0e75bb654
5.8:ad85094b293e40e7a2f831b0311a389d952ebd5e:6.12.42:3d672fe065aa00f4d66f42e3c9720f69a3ed43e7
5.8:ad85094b293e40e7a2f831b0311a389d952ebd5e:6.15.10:e6d3453a002e89537e6136f6c774659b297a549b
5.8:ad85094b293e40e7a2f831b0311a389d952ebd5e:6.16.1:1a7a2f59fb2eb0718a0cff1e5822500cefe50ed9
5.8:ad85094b293e40e7a2f831b0311a389d952ebd5e:6.17:ee4cf798202d285dcbe85e4467a094c44f5ed8e6`,
  'CVE-2022-49420': `0:0:5.18.3:20b2f61797873a2b18b5ff1a304ad2674fa1e0a5
0:0:5.19:4c971d2f3548e4f11b1460ac048f5307e4b39fdb`,
};

type Case = [
  cve: string,
  version: string,
  affected: boolean,
  fixedOnBranch: string | null,
  extra?: { ambiguous?: boolean; rule?: string },
];

const CASES: Case[] = [
  // Fixed on the branch by a backport: before the fix affected, from it on not.
  ['CVE-2022-48628', '6.1.170', false, '6.1.56', { rule: 'branch-fix' }],
  ['CVE-2022-48628', '6.1.55', true, '6.1.56', { rule: 'branch-fix' }],
  ['CVE-2022-48628', '6.1.56', false, '6.1.56'],
  ['CVE-2022-48628', '6.5.5', true, '6.5.6'],
  // Never backported to 5.15: affected on the whole branch (rule 3, mainline).
  ['CVE-2022-48628', '5.15.1', true, null, { rule: 'mainline' }],
  ['CVE-2022-48628', '5.15.216', true, null, { rule: 'mainline' }],
  ['CVE-2022-48628', '2.6.33', false, null, { rule: 'mainline' }],
  ['CVE-2022-48628', '2.6.34', true, null],
  ['CVE-2022-48628', '6.6', false, '6.6'],
  ['CVE-2022-48628', '6.8.1', false, null, { rule: 'mainline' }],
  ['CVE-2022-48628', '6.6-rc3', true, '6.6'],
  // Introduced by a stable backport: only the window between that backport and its fix.
  ['CVE-2025-21629', '6.1.100', false, null],
  ['CVE-2025-21629', '6.1.115', false, null],
  ['CVE-2025-21629', '6.1.116', true, '6.1.124'],
  ['CVE-2025-21629', '6.1.120', true, '6.1.124'],
  ['CVE-2025-21629', '6.1.124', false, '6.1.124'],
  ['CVE-2025-21629', '6.1.183', false, '6.1.124'],
  ['CVE-2025-21629', '5.10.228', false, null, { rule: 'branch-intro' }],
  ['CVE-2025-21629', '5.10.229', true, null, { rule: 'branch-intro' }],
  ['CVE-2025-21629', '5.10.265', true, null, { rule: 'branch-intro' }],
  ['CVE-2025-21629', '6.12', true, '6.12.9'],
  ['CVE-2025-21629', '6.12.8', true, '6.12.9'],
  ['CVE-2025-21629', '6.12.9', false, '6.12.9'],
  ['CVE-2025-21629', '6.13', false, '6.13'],
  ['CVE-2025-21629', '6.13-rc1', true, '6.13'],
  ['CVE-2025-21629', '6.2.16', false, null, { rule: 'mainline' }],
  ['CVE-2025-21629', '6.14.1', false, null, { rule: 'mainline' }],
  // Two fixes on one branch: the union of the spans decides (later fix), flagged ambiguous.
  ['CVE-2025-39816', '6.12.48', true, '6.12.81', { ambiguous: false }],
  ['CVE-2025-39816', '6.12.49', true, '6.12.81', { ambiguous: true }],
  ['CVE-2025-39816', '6.12.80', true, '6.12.81', { ambiguous: true }],
  ['CVE-2025-39816', '6.12.81', false, '6.12.81', { ambiguous: false }],
  ['CVE-2025-39816', '6.6.100', false, null],
  // Intro unknown (0): affected from the beginning of every branch up to its fix.
  ['CVE-2022-49420', '2.6.32.70', true, null],
  ['CVE-2022-49420', '4.9.1', true, null],
  ['CVE-2022-49420', '5.15.216', true, null],
  ['CVE-2022-49420', '5.18', true, '5.18.3'],
  ['CVE-2022-49420', '5.18.2', true, '5.18.3'],
  ['CVE-2022-49420', '5.18.3', false, '5.18.3'],
  ['CVE-2022-49420', '5.19', false, '5.19'],
  ['CVE-2022-49420', '6.1.1', false, null],
  // Fixed in 4.18, brought back in 5.8: each introduction is judged with its own fixes.
  ['CVE-2025-38585', '4.14.1', true, null, { rule: 'mainline' }],
  ['CVE-2025-38585', '5.4.1', false, null, { rule: 'mainline' }],
  ['CVE-2025-38585', '6.1.170', true, null, { rule: 'mainline' }],
  ['CVE-2025-38585', '6.12.41', true, '6.12.42'],
  ['CVE-2025-38585', '6.17', false, '6.17'],
  // A fix older than its own introduction (5.10 -> 5.2) is not trusted: later mainlines stay affected.
  ['CVE-2021-47645', '5.4.1', false, null, { rule: 'mainline' }],
  ['CVE-2021-47645', '5.10.109', true, '5.10.110'],
  ['CVE-2021-47645', '5.10.110', false, '5.10.110'],
  ['CVE-2021-47645', '5.11.2', true, null, { rule: 'mainline' }],
  ['CVE-2021-47645', '6.1.170', true, null, { rule: 'mainline' }],
];

describe('assessVersion (docs/semantics.md, affectedness of a version)', () => {
  for (const [cve, version, affected, fixedOnBranch, extra] of CASES) {
    it(`${cve} at ${version}: ${affected ? 'affected' : 'not affected'}`, () => {
      const dyad = parseDyad(DYADS[cve] ?? '');
      assert.deepEqual(dyad.problems, []);
      const v = parseKernelVersion(version);
      assert.ok(v);
      const verdict = assessVersion({ dyad: dyad.entries }, v);
      assert.equal(verdict.affected, affected);
      assert.equal(verdict.fixedOnBranch, fixedOnBranch);
      if (extra?.ambiguous !== undefined) assert.equal(verdict.ambiguous, extra.ambiguous);
      if (extra?.rule !== undefined) assert.equal(verdict.rule, extra.rule);
    });
  }
  it('reports the earliest mainline fix', () => {
    const v = parseKernelVersion('5.15.1');
    assert.ok(v);
    assert.equal(assessVersion({ dyad: parseDyad(DYADS['CVE-2022-48628'] ?? '').entries }, v).fixedUpstream, '6.6');
  });
  it('a record without dyad lines affects nothing (and says so)', () => {
    const v = parseKernelVersion('6.1.1');
    assert.ok(v);
    assert.equal(assessVersion({ dyad: [] }, v).rule, 'no-data');
  });
});
