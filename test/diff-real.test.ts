import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { assessDiff } from '../src/analysis/diff/assess-diff.js';
import { assessExposure } from '../src/analysis/exposure/assess-exposure.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { readStableCommits } from '../src/sources/changelog/read-stable-commits.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { REAL_DATA_SKIP_REASON, type RealIndex, realIndex } from './helpers/real-index.js';

const shared = sharedDataDir();
const CHANGELOG = shared ? join(shared, 'debian', 'changelog-linux-6.1.192-3.gz') : '';
const v = (t: string) => parseKernelVersion(t)!;

describe('diff on the real data', async () => {
  let real: RealIndex | null = null;
  before(async () => {
    real = await realIndex();
  });
  const skip = (await realIndex()) === null || !existsSync(CHANGELOG) ? REAL_DATA_SKIP_REASON : false;
  const diff = async (a: string, b: string) => {
    assert.ok(real);
    const commits = await readStableCommits({ changelog: CHANGELOG }, { from: v(a), to: v(b) });
    return assessDiff({ index: real.index, releases: real.releases, from: v(a), to: v(b), commits });
  };

  it('6.1.170 -> 6.1.183 agrees with status on both ends', { skip }, async () => {
    assert.ok(real);
    const r = await diff('6.1.170', '6.1.183');
    const at = (t: string) => assessExposure(real!.index, real!.releases, v(t)).summary.affected;
    assert.equal(r.summary.fixed + r.summary.stillOpen, at('6.1.170'));
    assert.equal(r.summary.introduced + r.summary.stillOpen, at('6.1.183'));
    // A bug a 6.1.141 backport brought in and 6.1.183 fixed: fixed by this update.
    assert.ok(r.fixed.some((c) => c.id === 'CVE-2026-53361' && c.fixedOnBranch === '6.1.183'));
    assert.ok(r.summary.introduced > 0 && r.summary.introduced < 20, String(r.summary.introduced));
    assert.deepEqual(r.notes, []);
  });

  it(
    'counts the stable commits Debian lists for 6.1.171..6.1.183 and ties most CVE fixes to one',
    { skip },
    async () => {
      const r = await diff('6.1.170', '6.1.183');
      const s = r.stableCommits;
      assert.ok(s);
      assert.equal(s.total, 2936);
      assert.equal(
        s.perRelease.reduce((n, p) => n + p.commits, 0),
        s.total,
      );
      assert.deepEqual(s.emptyReleases, ['6.1.171', '6.1.172']);
      assert.deepEqual(s.missingReleases, []);
      assert.equal(s.withCve + s.withoutCve, s.total);
      // Debian leaves out commits for what it does not build (LoongArch, MIPS, s390 ...): not every fix is listed.
      assert.ok(s.fixedCvesFound > 0.9 * r.summary.fixed && s.fixedCvesFound < r.summary.fixed);
      assert.deepEqual(s.namedFixedButOpen, []);
    },
  );

  it('past the data (6.1.192): says so, and names the open CVEs Debian lists as fixed', { skip }, async () => {
    const r = await diff('6.1.170', '6.1.192');
    assert.match(r.notes.join('\n'), /6\.1\.192 is newer than the release data \(latest 6\.1\.183/);
    assert.ok((r.stableCommits?.total ?? 0) > 2936);
    assert.ok((r.stableCommits?.namedFixedButOpen.length ?? 0) > 100);
  });
});
