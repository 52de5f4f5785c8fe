/**
 * Measures how far `kgap status --tree` on a plain stable tree agrees with `kgap status --version` (docs/semantics.md,
 * "Tree mode", consistency), on the shared real data with the tree modelled without git
 * (test/helpers/plain-tree-scan.ts): `node dist/scripts/tree-version-agreement.js` (after `npm run build`) prints the
 * per-version figures of the test; `--all` sweeps every release of the release data (about 30 min on 2 busy cores).
 */
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { readStoredIndex } from '../src/sources/vulns/index-store.js';
import { planCommitPlaces } from '../test/helpers/plain-tree-scan.js';
import { realIndex } from '../test/helpers/real-index.js';
import { compareTreeWithVersion, TREE_AGREEMENT_VERSIONS } from '../test/helpers/tree-agreement.js';

const real = await realIndex();
const records = real ? (await readStoredIndex(real.cacheDir, { withCommits: true }))?.records : undefined;
if (!real || !records) {
  process.stderr.write('shared data absent (../shared/data or $KGAP_SHARED_DATA): nothing to measure\n');
  process.exit(2);
}
const all = process.argv.includes('--all');
const versions = all ? [...real.releases.byName.keys()] : [...TREE_AGREEMENT_VERSIONS];
const places = planCommitPlaces(records);
const crossRecord = new Map<string, number>();
let verdicts = 0;
let other = 0;
for (const text of versions) {
  const v = parseKernelVersion(text);
  if (v === null || v.rc !== null) continue;
  const row = compareTreeWithVersion(records, places, v);
  verdicts += records.length;
  other += row.differ.length;
  for (const id of row.crossRecord) crossRecord.set(id, (crossRecord.get(id) ?? 0) + 1);
  if (!all || row.differ.length > 0)
    process.stdout.write(
      `${text}: ${row.affected} affected (${row.ambiguous} ambiguous); differ by another record's backport: ${row.crossRecord.join(', ') || 'none'}; otherwise: ${row.differ.join('; ') || 'none'}\n`,
    );
}
const pairs = [...crossRecord.values()].reduce((a, b) => a + b, 0);
process.stdout.write(
  `${verdicts} verdicts: ${other} other differences; ${pairs} by another record's backport, on ${crossRecord.size} CVEs: ${[...crossRecord.keys()].sort().join(', ')}\n`,
);
