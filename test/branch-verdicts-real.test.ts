import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { assessExposureOnBranch } from '../src/analysis/exposure/assess-branch-exposure.js';
import { assessExposure } from '../src/analysis/exposure/assess-exposure.js';
import { planBranchVerdicts } from '../src/analysis/exposure/plan-branch-verdicts.js';
import { planStatusView } from '../src/analysis/exposure/plan-status-view.js';
import { readBranchView } from '../src/app/status/read-branch-view.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { renderStatusJson } from '../src/formats/status/render-status-json.js';
import { resolveDataOptions, sharedDataDir } from '../src/sources/data/data-options.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';

// The warm status path reads verdicts precomputed per branch; it must say exactly what assessVersion says.
const real = await realIndex();
const skip = real === null ? REAL_DATA_SKIP_REASON : false;
const VERSIONS = [
  '6.1',
  '6.1.55',
  '6.1.120',
  '6.1.170',
  '6.1.183',
  '6.1.192',
  '5.15.100',
  '5.10.229',
  '6.12.49',
  '6.12.81',
  '6.13',
  '4.19.300',
  '2.6.32.70',
  '7.2',
];

describe('branch verdicts equal the full evaluation (real data)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kgap-branch-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  for (const text of VERSIONS) {
    it(`status JSON for ${text} is byte-identical`, { skip }, async () => {
      assert.ok(real);
      const v = parseKernelVersion(text);
      assert.ok(v);
      const full = renderStatusJson(planStatusView(assessExposure(real.index, real.releases, v), {}));
      const entries = planBranchVerdicts(real.index.records, v.branchKey);
      const view = {
        index: real.index,
        totals: { records: real.index.records.length, recordProblems: real.index.problems.length },
        records: real.index.records,
        entries,
      };
      assert.equal(renderStatusJson(planStatusView(assessExposureOnBranch(view, real.releases, v), {})), full);
    });
  }
  it('the cached branch file round-trips (computed, then read back)', { skip }, async () => {
    assert.ok(real);
    const shared = sharedDataDir();
    assert.ok(shared);
    const data = resolveDataOptions({ cacheDir: real.cacheDir, vulnsRepo: join(shared, 'vulns.git') }, {}, null);
    const v = parseKernelVersion('6.1.120');
    assert.ok(v);
    const full = renderStatusJson(planStatusView(assessExposure(real.index, real.releases, v), {}));
    for (let round = 0; round < 2; round++) {
      const view = await readBranchView(data, v);
      assert.equal(renderStatusJson(planStatusView(assessExposureOnBranch(view, real.releases, v), {})), full);
    }
  });
});
