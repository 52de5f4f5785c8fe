/**
 * `kgap plan` on the generated ~100k- and ~1M-commit trees (300 vendor patches of every fate, ~2,000 stable commits
 * between base and target on the 1M tree): every patch gets the fate the generator planted. Generating the two
 * trees takes ~1.5 minutes and a plan of the 1M tree ~15 s, so this runs when KGAP_BIG_TREES=1 (the trees are
 * reused from $TMPDIR/kgap-plan-tree-*; `npm run bench plan` uses the same 1M tree).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runPlan } from '../src/api/plan.js';
import { resolveDataOptions, sharedDataDir } from '../src/sources/data/data-options.js';
import { ensurePlanTree, fateMismatches, planInput } from './helpers/plan-tree.js';
import { REAL_DATA_SKIP_REASON } from './helpers/real-index.js';

const enabled = process.env.KGAP_BIG_TREES === '1';
const shared = sharedDataDir();
const skip = !enabled
  ? 'set KGAP_BIG_TREES=1 to generate (or reuse) the 100k and 1M-commit trees and plan them'
  : shared === null
    ? REAL_DATA_SKIP_REASON
    : false;
const scratch = mkdtempSync(join(tmpdir(), 'kgap-plan-big-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('kgap plan on big generated trees', () => {
  for (const size of ['100k', '1m'] as const) {
    it(`${size}: every vendor patch gets the fate planted`, { skip, timeout: 900_000 }, async () => {
      const t = await ensurePlanTree(size);
      assert.ok(t);
      const cacheDir = join(scratch, `cache-${size}`);
      const data = resolveDataOptions(
        { cacheDir, vulnsRepo: t.vulns, releases: join(shared as string, 'linux-kernel-releases.json') },
        {},
        null,
      );
      const { report } = await runPlan(planInput(t.tree, data, scratch));
      assert.deepEqual(fateMismatches(report.vendorPatches, t.patches), []);
      assert.equal(report.vendorPatches.length, 300);
      for (const fate of ['upstream', 'clean', 'conflict', 'vendor-revert'] as const)
        assert.ok(report.fates[fate] > 0, fate);
      assert.equal(report.to.tag, 'v6.1.130');
      if (size === '1m') assert.ok(report.stableFixes.total >= 2000, `${report.stableFixes.total} stable commits`);
      assert.ok(report.cves.closed.length > 100 && report.cves.alreadyFixedByVendor.length > 0);
    });
  }
});
