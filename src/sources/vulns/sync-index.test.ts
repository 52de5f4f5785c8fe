import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cveJson, SyntheticVulnsRepo } from '../../../test/helpers/synthetic-vulns.js';
import { UserError } from '../../domain/user-error.js';
import { resolveDataOptions } from '../data/data-options.js';
import { readStoredIndex } from './index-store.js';
import { readIndex } from './read-index.js';
import { syncIndex } from './sync-index.js';

const DYAD = '6.1:1111111111111111111111111111111111111111:6.1.10:2222222222222222222222222222222222222222\n';

describe('syncIndex on a synthetic vulns repository', () => {
  const repo = new SyntheticVulnsRepo();
  const cacheDir = mkdtempSync(join(tmpdir(), 'kgap-cache-'));
  after(() => {
    repo.remove();
    rmSync(cacheDir, { recursive: true, force: true });
  });
  const options = resolveDataOptions({ cacheDir, vulnsRepo: repo.dir, releases: '/nonexistent' }, {}, null);

  it('builds the full index, dates from history, bad records counted not fatal', async () => {
    repo.commit(
      [
        { id: 'CVE-2024-0001', dyad: DYAD, sha1: '2222222222222222222222222222222222222222\n' },
        { id: 'CVE-2024-0002', json: null },
      ],
      '2024-03-01T10:00:00+00:00',
    );
    repo.commit([{ id: 'CVE-2024-0003', dyad: DYAD }], '2024-03-05T23:30:00-02:00');
    const report = await syncIndex(options);
    assert.equal(report.mode, 'full');
    const index = report.index;
    assert.ok(index);
    assert.deepEqual(
      index.records.map((r) => [r.id, r.published, r.modified]),
      [
        ['CVE-2024-0001', '2024-03-01', '2024-03-01'],
        ['CVE-2024-0003', '2024-03-06', '2024-03-06'], // committer date in UTC
      ],
    );
    assert.equal(index.problems.length, 1);
    assert.match(index.problems[0] ?? '', /^CVE-2024-0002: invalid JSON/);
    assert.deepEqual(index.records[0]?.fixShas, ['2222222222222222222222222222222222222222']);
  });

  it('does nothing when the repository has not moved', async () => {
    const report = await syncIndex(options);
    assert.equal(report.mode, 'unchanged');
  });

  it('re-reads only changed records and keeps first publication dates', async () => {
    repo.commit(
      [
        { id: 'CVE-2024-0001', json: cveJson('CVE-2024-0001', 'new title'), dyad: DYAD },
        { id: 'CVE-2024-0004', dyad: DYAD },
      ],
      '2024-04-01T12:00:00+00:00',
    );
    const report = await syncIndex(options);
    assert.equal(report.mode, 'incremental');
    assert.equal(report.changedRecords, 2);
    const index = await readStoredIndex(cacheDir, { withCommits: true });
    assert.ok(index);
    const one = index.records.find((r) => r.id === 'CVE-2024-0001');
    assert.equal(one?.title, 'new title');
    assert.equal(one?.published, '2024-03-01');
    assert.equal(one?.modified, '2024-04-01');
    assert.deepEqual(
      index.records.map((r) => r.id),
      ['CVE-2024-0001', 'CVE-2024-0003', 'CVE-2024-0004'],
    );
    assert.equal(index.problems.length, 1, 'the still-corrupt record stays counted');
    assert.equal(index.records[0]?.dyad[0]?.fixSha, '2222222222222222222222222222222222222222');
  });

  it('takes over a lock left by a dead process', async () => {
    writeFileSync(join(cacheDir, 'sync.lock'), '999999');
    const report = await syncIndex(options);
    assert.equal(report.mode, 'unchanged');
  });

  it('keeps the previous index when a sync fails', async () => {
    const bad = resolveDataOptions({ cacheDir, vulnsRepo: join(cacheDir, 'nope'), releases: '/x' }, {}, null);
    await assert.rejects(syncIndex(bad), UserError);
    const index = await readIndex(options);
    assert.equal(index.records.length, 3);
  });

  it('ignores a torn records file and rebuilds', async () => {
    writeFileSync(join(cacheDir, 'index-v2.records.json'), '{"vulnsCommit": "x", "rec');
    assert.equal(await readStoredIndex(cacheDir, { withCommits: false }), null);
    const index = await readIndex(options);
    assert.equal(index.records.length, 3);
  });
});

describe('syncIndex bad sources', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'kgap-cache-'));
  after(() => rmSync(cacheDir, { recursive: true, force: true }));
  const run = (vulnsRepo: string) => syncIndex(resolveDataOptions({ cacheDir, vulnsRepo, releases: '/x' }, {}, null));

  it('a directory that is not a git repository', async () => {
    await assert.rejects(run(tmpdir()), (e: Error) => e instanceof UserError && /not a git repository/.test(e.message));
  });
  it('a git repository that is not the vulns repo', async () => {
    const other = new SyntheticVulnsRepo();
    writeFileSync(join(other.dir, 'README'), 'hello');
    other.commit([], '2024-01-01T00:00:00Z');
    try {
      await assert.rejects(
        run(other.dir),
        (e: Error) => e instanceof UserError && /not the kernel CNA vulns repo/.test(e.message),
      );
    } finally {
      other.remove();
    }
  });
  it('an unreachable URL', async () => {
    await assert.rejects(
      run('http://127.0.0.1:9/vulns.git'),
      (e: Error) => e instanceof UserError && /cannot fetch/.test(e.message),
    );
  });
});
