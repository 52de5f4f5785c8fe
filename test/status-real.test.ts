import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assessExposure } from '../src/analysis/exposure/assess-exposure.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { REAL_DATA_SKIP_REASON, type RealIndex, realIndex } from './helpers/real-index.js';

// Known answers on the real vulns mirror (14,626 published CVEs, last commit 2026-08-21).
describe('status on the real vulns data', async () => {
  let real: RealIndex | null = null;
  before(async () => {
    real = await realIndex();
  });
  const skip = (await realIndex()) === null ? REAL_DATA_SKIP_REASON : false;
  const exposure = (version: string) => {
    assert.ok(real);
    const v = parseKernelVersion(version);
    assert.ok(v);
    return assessExposure(real.index, real.releases, v);
  };

  it('indexes every published record', { skip }, () => {
    assert.ok(real);
    assert.equal(real.index.records.length, 14626);
    assert.equal(real.index.problems.length, 0);
    const r = real.index.records.find((x) => x.id === 'CVE-2025-21629');
    assert.equal(r?.published, '2025-01-15');
    assert.equal(r?.cvss?.score, 8.2);
  });

  it('6.1.183, the latest 6.1, still carries ~1,100 CVEs with no fix on 6.1', { skip }, () => {
    const r = exposure('6.1.183');
    assert.equal(r.releasesBehind, 0);
    assert.equal(r.summary.fixedByNewerRelease, 0);
    assert.ok(r.summary.noFixOnBranch > 1000 && r.summary.noFixOnBranch < 1200, String(r.summary.noFixOnBranch));
  });

  it('6.1.170 carries ~2,560 CVEs, not the ~7,800 a naive CPE range match finds', { skip }, () => {
    const r = exposure('6.1.170');
    assert.ok(r.summary.affected > 2400 && r.summary.affected < 2700, String(r.summary.affected));
    assert.equal(r.branchLatest?.version, '6.1.183');
    assert.equal(r.releasesBehind, 13);
    assert.equal(r.summary.fixedByNewerRelease + r.summary.noFixOnBranch, r.summary.affected);
    assert.ok(!r.affected.some((f) => f.id === 'CVE-2022-48628'));
  });

  it('CVE-2025-21629 (a backport-introduced bug) at 6.1.120 but not 6.1.100 or 6.1.124', { skip }, () => {
    const at120 = exposure('6.1.120').affected.find((f) => f.id === 'CVE-2025-21629');
    assert.equal(at120?.fixedOnBranch, '6.1.124');
    assert.equal(at120?.fixedUpstream, '6.13');
    assert.equal(at120?.published, '2025-01-15');
    assert.ok(!exposure('6.1.100').affected.some((f) => f.id === 'CVE-2025-21629'));
    assert.ok(!exposure('6.1.124').affected.some((f) => f.id === 'CVE-2025-21629'));
  });

  it('a version newer than the release data says so', { skip }, () => {
    const r = exposure('6.1.192');
    assert.equal(r.releasesBehind, null);
    assert.match(r.notes.join(' '), /newer than the release data/);
  });
});
