import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { readStoredIndex } from '../src/sources/vulns/index-store.js';
import { planCommitPlaces } from './helpers/plain-tree-scan.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { compareTreeWithVersion, TREE_AGREEMENT_VERSIONS } from './helpers/tree-agreement.js';

// Tree mode on a plain stable tree must say what version mode says (docs/semantics.md, "Tree mode",
// consistency), for every record: here the tree is modelled without git (test/helpers/plain-tree-scan.ts), so all
// 14,626 records are judged at branch positions where introductions are judged one by one — before and after a
// branch's only fix closes a mainline introduction (CVE-2024-35974 on 6.1), between two introductions with their
// own fixes (CVE-2025-40237 on 6.6), after a fix from before the fork (CVE-2021-47295, CVE-2025-38585).
// The same figures: `npm run build && node dist/scripts/tree-version-agreement.js [--all]`.
// Where the tree knows more than the record (docs/semantics.md, "Tree mode", remaining differences): a stable
// commit another record names is a backport of this record's mainline fix (`fixed`) or introducing commit
// (`affected`), on a branch this record's dyad has no line for.
const CROSS_RECORD: Record<string, readonly string[]> = {
  '5.10.220': ['CVE-2024-26795'],
  '5.15.160': ['CVE-2023-54013', 'CVE-2024-35995'],
  '6.1.170': ['CVE-2023-54013', 'CVE-2024-26708', 'CVE-2026-45858'],
  '6.6.73': ['CVE-2025-21654'],
};

const real = await realIndex();
const records = real ? (await readStoredIndex(real.cacheDir, { withCommits: true }))?.records : undefined;
const skip = records === undefined ? REAL_DATA_SKIP_REASON : false;

describe('a plain stable tree at vX.Y.Z agrees with --version X.Y.Z on every record (real data)', () => {
  const places = records ? planCommitPlaces(records) : new Map();
  for (const version of TREE_AGREEMENT_VERSIONS) {
    it(`${version}: affected, fixing release and ambiguity reason alike`, { skip }, (t) => {
      const v = parseKernelVersion(version);
      assert.ok(v && records);
      const { affected, ambiguous, crossRecord, differ } = compareTreeWithVersion(records, places, v);
      t.diagnostic(
        `${version}: ${affected} affected (${ambiguous} ambiguous) of ${records.length}; differ: ${crossRecord.length} by another record's backport, ${differ.length} else`,
      );
      assert.ok(affected > 2000, `${version}: ${affected}`);
      assert.deepEqual(differ, [], version);
      assert.deepEqual(crossRecord, CROSS_RECORD[version] ?? [], version);
    });
  }
});
