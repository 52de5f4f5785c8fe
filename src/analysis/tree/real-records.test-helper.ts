/** Real CVE records for tree-mode and plan tests: their `.dyad` and `.sha1` files as published. */
import type { CveRecord } from '../../domain/cve.js';
import { parseDyad } from '../../sources/vulns/parse-dyad.js';

// Real .dyad/.sha1 contents (vulns repo, cve/published/2025/CVE-2025-21629.*, 2022/CVE-2022-48628.*, 2025/CVE-2025-39816.*).
export function record(id: string, dyad: string, sha1: string): CveRecord {
  const parsed = parseDyad(dyad);
  return {
    id,
    title: `fix for ${id}`,
    published: '2025-01-01',
    modified: '2025-01-01',
    cvss: null,
    dyad: parsed.entries,
    fixShas: [sha1],
    vulnerableShas: [],
    programFiles: [],
  };
}
export const CVE_2025_21629 = record(
  'CVE-2025-21629',
  `6.1.116:a84978a9cda68f0afe3f01d476c68db21526baf1:6.1.124:ac9cfef69565021c9e1022a493a9c40b03e2caf9
6.6.60:c69bc67c1cb211aa390bea6e512bb01b1241fefb:6.6.70:95ccf006bbc8b59044313b8c309dcf29c546abd4
6.12:04c20a9356f283da623903e81e7c6d5df7e4dc3c:6.12.9:d3b7a9c7597b779039a51d7b34116fbe424bf2b7
6.12:04c20a9356f283da623903e81e7c6d5df7e4dc3c:6.13:68e068cabd2c6c533ef934c2e5151609cf6ecc6d
5.10.229:a27a5c40ee4cbe00294e2c76160de5f2589061ba:0:0`,
  '68e068cabd2c6c533ef934c2e5151609cf6ecc6d',
);
export const CVE_2022_48628 = record(
  'CVE-2022-48628',
  `2.6.34:2f2dc053404febedc9c273452d9d518fb31fde72:6.1.56:89744b64914426cbabceb3d8a149176b5dafdfb5
2.6.34:2f2dc053404febedc9c273452d9d518fb31fde72:6.5.6:47f82395f04a976d4fa97de7f2acffa1c1096571
2.6.34:2f2dc053404febedc9c273452d9d518fb31fde72:6.6:e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd`,
  'e3dfcab2080dc1f9a4b09cc1327361bc2845bfcd',
);
export const CVE_2025_39816 = record(
  'CVE-2025-39816',
  `6.12:ae98dbf43d755b4e111fcd086e53939bef3e9a1a:6.12.49:695673eb5711ee5eb1769481cf1503714716a7d1
6.12:ae98dbf43d755b4e111fcd086e53939bef3e9a1a:6.12.81:91f262ea2a76a02d9e37dba6637cfe6feebb20a8
6.12:ae98dbf43d755b4e111fcd086e53939bef3e9a1a:6.17:98b6fa62c84f2e129161e976a5b9b3cb4ccd117b`,
  '98b6fa62c84f2e129161e976a5b9b3cb4ccd117b',
);
