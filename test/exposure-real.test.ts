import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assessExposure } from '../src/analysis/exposure/assess-exposure.js';
import { assessVersion } from '../src/analysis/exposure/assess-version.js';
import { assessAffectedOnBranch } from '../src/analysis/exposure-curve/affected-on-branch.js';
import { assessExposureCurve } from '../src/analysis/exposure-curve/assess-exposure-curve.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { REAL_DATA_SKIP_REASON, type RealIndex, realIndex } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

describe('exposure curve on the real vulns data', async () => {
  let real: RealIndex | null = null;
  before(async () => {
    real = await realIndex();
  });
  const skip = (await realIndex()) === null ? REAL_DATA_SKIP_REASON : false;

  it('per-class verdicts equal assessVersion on every record (6.1 and 5.10 samples)', { skip }, () => {
    assert.ok(real);
    for (const names of [['6.1.37', '6.1.120', '6.1.183'], ['5.10.200']]) {
      const versions = names.map((t) => parseKernelVersion(t)!);
      const mismatches: string[] = [];
      for (const rec of real.index.records) {
        const fast = assessAffectedOnBranch(rec, versions);
        versions.forEach((v, i) => {
          if (fast[i] !== assessVersion(rec, v).affected) mismatches.push(`${rec.id}@${names[i]}`);
        });
      }
      assert.deepEqual(mismatches, []);
    }
  });

  it('6.1 as of the snapshot: the newest release matches `status`, the curve rises with age', { skip }, () => {
    assert.ok(real);
    const r = assessExposureCurve(real.index, real.releases, { branch: '6.1', asOf: '2026-08-21' });
    const newest = r.points.at(-1);
    assert.equal(newest?.version, '6.1.183');
    const status = assessExposure(real.index, real.releases, parseKernelVersion('6.1.170')!);
    assert.equal(r.points.find((p) => p.version === '6.1.170')?.openCves, status.summary.affected);
    assert.equal(r.points.find((p) => p.version === '6.1.170')?.fixedInNewerRelease, status.summary.fixedByLatest);
    const oldest = r.points[0];
    assert.ok(oldest && newest && oldest.openCves > 3 * newest.openCves);
    const row = r.neverBackported.find((b) => b.branch === '6.1');
    assert.equal(row?.openCves, newest?.openCves);
    assert.ok(row && row.fixedUpstreamNotBackported <= row.openCves && row.fixedUpstreamNotBackported > 1000);
  });

  it('an earlier --as-of counts only CVEs published by then', { skip }, () => {
    assert.ok(real);
    const r = assessExposureCurve(real.index, real.releases, { branch: '6.1', asOf: '2025-01-01' });
    assert.equal(r.publishedCves, real.index.records.filter((x) => x.published <= '2025-01-01').length);
    assert.ok(r.points.every((p) => p.date <= '2025-01-01'));
  });

  it('the CLI: JSON and HTML, bad input exits 2 with one line', { skip }, () => {
    assert.ok(real);
    const env = { KGAP_CACHE_DIR: real.cacheDir };
    // An early as-of keeps the CLI runs cheap (fewer CVEs published by then); the full curve is checked above.
    const json = runCli(['exposure', '--branch', '6.1', '--as-of', '2024-06-01', '--format', 'json'], env);
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout);
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.asOf, '2024-06-01');
    assert.equal(
      doc.releases.at(-1).version,
      real.releases.byBranch
        .get('6.1')
        ?.filter((r) => r.date && r.date <= '2024-06-01')
        .at(-1)?.name,
    );
    const html = runCli(['exposure', '--branch', '6.6', '--as-of', '2024-06-01', '--format', 'html'], env);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /<polyline /);
    for (const args of [['--branch', '9.9'], ['--branch', '6.1', '--as-of', '2030-01-01'], []]) {
      const bad = runCli(['exposure', ...args], env);
      assert.equal(bad.code, 2, args.join(' '));
      assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
    }
  });
});
