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
  'CVE-2023-53012': `5.15.91:108a6f91e2766a6d9142b1f2d90c07ac547eae7e:5.15.91:a7d736cc3c6cb0d7498bbfb56515d414e35e9510
6.1.9:80bb3b901abe6560620505e5c734d140c4f73a07:6.1.9:2846a7412f6246fd5171f51011bf76dfebcec0ee
6.2:c408b3d1d9bbc7de5fb0304fea424ef2539da616:6.2:6c54b7bc8a31ce0f7cc7f8deef05067df414f1d8
5.15.86:5139cbc0c6e4bf2fcffc9a7ed4350bf6985bc561:0:0
6.0.16:c4c435d3637b5d0abaa6447c7366c3674364968a:0:0
6.1.2:e0d8b51bbe84d6a98c162e06344de2d773d9e722:0:0`,
  'CVE-2023-54035': `6.1.43:35651fde1a7bb54dde0a46d35cd0d7136869ae86:6.1.43:b068314fd8ce751a7f906e55bb90f3551815f1a0
6.4:628bd3e49cba1c066228e23d71a852c23e26da73:6.4.4:9c959671abc7d4ffdf34eed10c64492d43cb6a3c
6.4:628bd3e49cba1c066228e23d71a852c23e26da73:6.5:b389139f12f287b8ed2e2628b72df89a081f0b59
4.19.316:bc9f791d2593f17e39f87c6e2b3a36549a3705b1:0:0
5.4.262:3c7ec098e3b588434a8b07ea9b5b36f04cef1f50:0:0
5.10.188:a136b7942ad2a50de708f76ea299ccb45ac7a7f9:0:0
5.15.121:25aa2ad37c2162be1c0bc4fe6397f7e4c13f00f8:0:0
6.1.36:d60be2da67d172aecf866302c91ea11533eca4d9:0:0
6.3.10:dc7cdf8cbcbf8b13de1df93f356ec04cdeef5c41:0:0`,
  'CVE-2023-54164': `6.1.9:c524f9561c657b8af26dd4f67092b8928261aa62:6.1.42:e969bfed84c1f88dc722a678ee08488e86f0ec1a
6.2:241f51931c35085449502c10f64fb3ecd6e02171:6.4.7:88ad50f2b843a510bd7c922c0a4e2484aff9d645
6.2:241f51931c35085449502c10f64fb3ecd6e02171:6.5:d40ae85ee62e3666f45bc61864b22121346f88ef
6.1.9:2539cbc625c560d5432e2f0fc04bfe4a889cf737:0:0`,
  'CVE-2025-40039': `6.1.162:a4348710a7267705b75692dc1a000920481d1d92:6.1.162:69674b029002b1d90b655f014bdf64f404efa54d
6.3:b685757c7b08d5073046fb379be965fd6c06aafc:6.6.123:6b615a8fb3af0baf8126cde3d4fee97d57222ffc
6.3:b685757c7b08d5073046fb379be965fd6c06aafc:6.12.53:5cc679ba0f4505936124cd4179ba66bb0a4bd9f3
6.3:b685757c7b08d5073046fb379be965fd6c06aafc:6.17.3:6bd7e0e55dcea2cf0d391bbc21c2eb069b4be3e1
6.3:b685757c7b08d5073046fb379be965fd6c06aafc:6.18:305853cce379407090a73b38c5de5ba748893aee
5.15.145:1f485b54d04a920723984062c912174330a05178:0:0
6.1.71:052b41ef2abe274f068e892aee81406f11bd1f3a:0:0`,
  'CVE-2022-48833': `5.15.8:0338e448b90527d46e6debe9f95f8a117706a835:5.15.31:4c5d94990fa2fd609360ecd0f7e183212a7d115c
5.16:c2e39305299f0118298c2201f6d6cc7d3485f29e:5.16.17:44557a8f539a822c91238c1f95a95f98a5093d82
5.16:c2e39305299f0118298c2201f6d6cc7d3485f29e:5.17:40cdc509877bacb438213b83c7541c5e24a1d9ec
5.16:651740a502411793327e2f0741104749c4eedcd1:5.17:40cdc509877bacb438213b83c7541c5e24a1d9ec
5.4.165:aa4740bc8595dd36017b5df172b96ff6141176a5:0:0
5.10.85:41b3cc57d626d2d49c95c8208a86ab3e93ed4a68:0:0
5.15.11:8848395975bdd15572a042566aff2ac78a6895ee:0:0`,
  'CVE-2023-53064': `5.15.27:85aa76066fef64de8a48d0da6b4071ceac455a94:5.15.105:7a29799fc141ba9e6cf921fc8e958e3398ad1a4f
5.17:974578017fc1fdd06cea8afb9dfa32602e8529ed:6.1.22:502b898235f06130750c91512c86dd0e9efe28e6
5.17:974578017fc1fdd06cea8afb9dfa32602e8529ed:6.2.9:f752ace58867de3c063512b21e0f1694fc27f043
5.17:974578017fc1fdd06cea8afb9dfa32602e8529ed:6.3:4e264be98b88a6d6f476c11087fe865696e8bef5
5.16.13:7b9515172ab4d4c6ac0eae4b71013ee6ce932205:0:0
5.15.81:ecff08f3c469bfb25609df789f4149b10feec91c:0:0`,
  'CVE-2025-40237': `6.6.72:a1a541fbfa7e97c1100144db34b57553d7164ce5:6.6.73:950b604384fd75d62e860bec7135b2b62eb4d508
6.6.74:f0c0ac84de17c37e6e84da65fb920f91dada55ad:6.6.115:bc1c6b803e14ea2b8f7e33b7164013f666ceb656
6.12.10:3c7c90274ae339e1ad443c9be1c67a20b80b9c76:6.12.56:3f307a9f7a7a2822e38ac451b73e2244e7279496
6.13:c45beebfde34aa71afbc48b2c54cdda623515037:6.17.6:d1894bc542becb0fda61e7e513b09523cab44030
6.13:c45beebfde34aa71afbc48b2c54cdda623515037:6.18:a7c4bb43bfdc2b9f06ee9d036028ed13a83df42a`,
  'CVE-2024-35974': `6.1.16:81c1188905f88b77743d1fdeeedfc8cb7b67787d:6.1.17:b5dae1cd0d8368b4338430ff93403df67f0b8bcc
6.2.3:bfe46d2efe46c5c952f982e2ca94fe2ec5e58e2a:6.2.4:083b58373463a6e5ee60ecb135269348f68ad7df
5.18:1059699f87eb0b3aa9d574b91a572d534897134a:6.6.28:740ffad95ca8033bd6e080ed337655b13b4d38ac
5.18:1059699f87eb0b3aa9d574b91a572d534897134a:6.8.7:858c489d81d659af17a4d11cfaad2afb42e47a76
5.18:1059699f87eb0b3aa9d574b91a572d534897134a:6.9:8b8ace080319a866f5dfe9da8e665ae51d971c54`,
  'CVE-2021-47295': `3.18:331b72922c5f58d48fd5500acadc91777cc31970:4.14.308:53af9c793f644d5841d84d8e0ad83bd7ab47f3e0
3.18:331b72922c5f58d48fd5500acadc91777cc31970:4.19.276:01d0d2b8b4e3cf2110baba9371c0c3d04ad5c77b
3.18:331b72922c5f58d48fd5500acadc91777cc31970:5.4.136:8d7924ce85bae64e7a67c366c7c50840f49f3a62
3.18:331b72922c5f58d48fd5500acadc91777cc31970:5.4.235:7a6fb69bbcb21e9ce13bdf18c008c268874f0480
3.18:331b72922c5f58d48fd5500acadc91777cc31970:5.10.54:8e9662fde6d63c78eb1350f6167f64c9d71a865b
3.18:331b72922c5f58d48fd5500acadc91777cc31970:5.10.173:18c3fa7a7fdbb4d21dafc8a7710ae2c1680930f6
3.18:331b72922c5f58d48fd5500acadc91777cc31970:5.13.6:cac71d27745f92ee13f0ecc668ffe151a4a9c9b1
3.18:331b72922c5f58d48fd5500acadc91777cc31970:5.14:f5051bcece50140abd1a11a2d36dc3ec5484fc32
3.18:331b72922c5f58d48fd5500acadc91777cc31970:5.15.100:7c183dc0af472dec33d2c0786a5e356baa8cad19
3.18:331b72922c5f58d48fd5500acadc91777cc31970:6.1.18:3abebc503a5148072052c229c6b04b329a420ecd
3.18:331b72922c5f58d48fd5500acadc91777cc31970:6.2.5:372ae77cf11d11fb118cbe2d37def9dd5f826abd`,
  'CVE-2023-52920': `5.3:b5dc0163d8fd78e64a7e21f309cf932fda34353e:6.6.64:ecc2aeeaa08a355d84d3ca9c3d2512399a194f29
5.3:b5dc0163d8fd78e64a7e21f309cf932fda34353e:6.6.70:199f0452873741fa4b8d4d88958e929030b2f92b
5.3:b5dc0163d8fd78e64a7e21f309cf932fda34353e:6.6.140:e4da60feca4d35e1a9b03dc0affa3354f9ff45e4
5.3:b5dc0163d8fd78e64a7e21f309cf932fda34353e:6.8:41f6f64e6999a837048b1bd13a2f8742964eca6b`,
  // Constructed from CVE-2025-40237's 6.6 lines with the second fix taken away: no real record has an unpaired
  // introduction after every fix on its branch today (checked over all 14,626 records).
  'REINTRODUCED-6.6': `6.6.72:a1a541fbfa7e97c1100144db34b57553d7164ce5:6.6.73:950b604384fd75d62e860bec7135b2b62eb4d508
6.6.74:f0c0ac84de17c37e6e84da65fb920f91dada55ad:0:0`,
};

type Case = [
  cve: string,
  version: string,
  affected: boolean,
  fixedOnBranch: string | null,
  extra?: { ambiguous?: boolean; rule?: string; reason?: RegExp },
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
  // Three fixes on 6.6 for one introduction (5.3): from the first on, only the last clears, flagged ambiguous.
  ['CVE-2023-52920', '6.6.63', true, '6.6.140', { ambiguous: false }],
  [
    'CVE-2023-52920',
    '6.6.100',
    true,
    '6.6.140',
    { ambiguous: true, reason: /several fixes on 6\.6 \(6\.6\.64, 6\.6\.70, 6\.6\.140\)/ },
  ],
  ['CVE-2023-52920', '6.6.140', false, '6.6.140'],
  // Fixed in mainline 5.14 before 6.1 forked, yet fixed again on 6.1 in 6.1.18: the later fix decides, ambiguous.
  ['CVE-2021-47295', '6.1.2', true, '6.1.18', { ambiguous: true, reason: /fixed in 5\.14 before 6\.1 forked/ }],
  ['CVE-2021-47295', '6.1.18', false, '6.1.18'],
  // An introduction on the branch the dyad pairs with no fix is closed by the branch's next fix at or after it
  // (rule 1). Before that fix: affected, ambiguous (the CNA's JSON lists no range for it).
  ['CVE-2023-53012', '6.1.170', false, '6.1.9', { rule: 'branch-fix' }],
  ['CVE-2023-53012', '6.1.9', false, '6.1.9'],
  ['CVE-2023-53012', '6.1.2', true, '6.1.9', { ambiguous: true, reason: /introduced in 6\.1\.2 with no fix paired/ }],
  ['CVE-2023-53012', '6.1.8', true, '6.1.9', { ambiguous: true }],
  ['CVE-2023-53012', '6.1.1', false, null],
  ['CVE-2023-53012', '5.15.160', false, '5.15.91'],
  ['CVE-2023-53012', '5.15.86', true, '5.15.91', { ambiguous: true }],
  ['CVE-2023-53012', '6.0.15', false, null, { rule: 'branch-intro' }],
  ['CVE-2023-53012', '6.0.20', true, null, { ambiguous: false, rule: 'branch-intro' }],
  ['CVE-2023-54035', '6.1.170', false, '6.1.43'],
  ['CVE-2023-54035', '6.1.35', false, null],
  ['CVE-2023-54035', '6.1.36', true, '6.1.43', { ambiguous: true }],
  ['CVE-2023-54035', '5.15.160', true, null, { rule: 'branch-intro' }],
  ['CVE-2023-54164', '6.1.170', false, '6.1.42'],
  ['CVE-2023-54164', '6.1.9', true, '6.1.42', { ambiguous: false }],
  ['CVE-2025-40039', '6.1.170', false, '6.1.162'],
  ['CVE-2025-40039', '6.1.70', false, null],
  ['CVE-2025-40039', '6.1.71', true, '6.1.162', { ambiguous: true }],
  ['CVE-2025-40039', '6.1.161', true, '6.1.162', { ambiguous: true }],
  ['CVE-2022-48833', '5.15.160', false, '5.15.31'],
  ['CVE-2022-48833', '5.15.7', false, null],
  ['CVE-2022-48833', '5.15.20', true, '5.15.31', { ambiguous: false }],
  ['CVE-2023-53064', '5.15.160', false, '5.15.105'],
  ['CVE-2023-53064', '5.15.81', true, '5.15.105', { ambiguous: false }],
  // Each introduction has its own fix on 6.6: 6.6.74 came after the 6.6.73 fix and stays open until 6.6.115.
  ['CVE-2025-40237', '6.6.72', true, '6.6.73', { ambiguous: false }],
  ['CVE-2025-40237', '6.6.73', false, '6.6.73'],
  ['CVE-2025-40237', '6.6.100', true, '6.6.115', { ambiguous: false }],
  ['CVE-2025-40237', '6.6.115', false, '6.6.115'],
  // Introduced after every fix on the branch and never fixed: stays open (ambiguous: the JSON drops it).
  ['REINTRODUCED-6.6', '6.6.73', false, '6.6.73'],
  [
    'REINTRODUCED-6.6',
    '6.6.100',
    true,
    null,
    { ambiguous: true, reason: /introduced again in 6\.6\.74 after the last fix on 6\.6 \(6\.6\.73\)/ },
  ],
  // The 5.18 mainline introduction reaches 6.1 with no 6.1 line of its own: the 6.1 fix (paired with a 6.1.16
  // backport) closes it. Before rules version 4, 6.1.0 .. 6.1.15 came out not affected.
  ['CVE-2024-35974', '6.1', true, '6.1.17', { ambiguous: false, rule: 'branch-fix' }],
  ['CVE-2024-35974', '6.1.2', true, '6.1.17', { ambiguous: false }],
  ['CVE-2024-35974', '6.1.16', true, '6.1.17'],
  ['CVE-2024-35974', '6.1.17', false, '6.1.17'],
  ['CVE-2024-35974', '6.1.170', false, '6.1.17'],
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
      // A reason exactly when ambiguous.
      assert.equal(verdict.ambiguousReason !== null, verdict.ambiguous);
      if (extra?.reason !== undefined) assert.match(verdict.ambiguousReason ?? '', extra.reason);
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
