import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { branchReleases, buildReleaseTable, type ReleaseTable } from '../../domain/release.js';
import { sharedDataDir } from '../data/data-options.js';
import { parseReleaseEntries } from './parse-releases.js';
import { readReleases } from './read-releases.js';
import { packReleases, selectReleases } from './validated-releases.js';

const scratch = mkdtempSync(join(tmpdir(), 'kgap-releases-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// The single-branch table as it was computed before the cache kept branches apart: filter the validated pairs by
// name prefix, newest date over every pair. The packed layout must give the same table.
function filteredTable(pairs: readonly [string, string][], branch: string): ReleaseTable {
  const mine = pairs.filter(([name]) => name === branch || name.startsWith(`${branch}.`));
  let newestDate: string | null = null;
  for (const [, date] of pairs) {
    if (date && !date.startsWith('1970-') && (newestDate === null || date > newestDate)) newestDate = date;
  }
  return { ...buildReleaseTable(mine).table, newestDate };
}

const releasesFile = (versions: Record<string, string>) =>
  JSON.stringify({
    versions: Object.fromEntries(Object.entries(versions).map(([name, date]) => [name, { name, date }])),
  });

const ODD: Record<string, string> = {
  '6.1.3': '2023-01-04',
  '6.1': '2022-12-11',
  '6.1-rc1': '2022-10-16',
  '6.01.7': '2023-02-01',
  '6.10.2': '2024-07-27',
  '6.1.x\tforged': '2030-01-01',
  '2.6.12.1': '1970-01-01',
  'not-a-version': '2025-05-05',
};

describe('the release-dates cache (releases-v2.json)', () => {
  it('selects a branch exactly as the name-prefix filter did, newest date over every entry', () => {
    const pairs = parseReleaseEntries(releasesFile(ODD), 'odd.json');
    const packed = packReleases('k', pairs);
    assert.equal(packed.newestDate, '2030-01-01', 'the forged name still counts for the newest date, as before');
    for (const branch of ['6.1', '6.10', '6.01', '2.6', '7.0']) {
      const got: ReleaseTable = {
        ...buildReleaseTable(selectReleases(packed, branch) ?? []).table,
        newestDate: packed.newestDate,
      };
      assert.deepEqual(got, filteredTable(pairs, branch), branch);
    }
    assert.deepEqual(
      branchReleases(filteredTable(pairs, '6.1'), '6.1').map((r) => r.name),
      ['6.1', '6.1.3'],
      'rc, 6.01.x, 6.10.x and the forged name are not 6.1 releases',
    );
    assert.deepEqual(selectReleases(packed), pairs, 'the full list keeps the source order');
  });

  it('reads a branch from the cache, and validates the source again when the cache is damaged', async () => {
    const source = join(scratch, 'releases.json');
    writeFileSync(source, releasesFile(ODD));
    const cacheDir = join(scratch, 'cache');
    const first = await readReleases(source, cacheDir, false, { branch: '6.1' });
    const cached = join(cacheDir, 'releases-v2.json');
    assert.ok(existsSync(cached));
    assert.deepEqual(await readReleases(source, cacheDir, false, { branch: '6.1' }), first);
    const full = await readReleases(source, cacheDir);
    assert.deepEqual([...full.byName.keys()], ['6.1.3', '6.1', '6.01.7', '6.10.2', '2.6.12.1']);
    // Damaged in place (the key still matches): the source is validated again and the cache rewritten.
    const stored = JSON.parse(readFileSync(cached, 'utf8'));
    writeFileSync(cached, JSON.stringify({ ...stored, entries: '[["6.1.3"', branches: { '6.1': 42 } }));
    assert.deepEqual(await readReleases(source, cacheDir), full);
    writeFileSync(cached, JSON.stringify({ ...stored, branches: { '6.1': 42 } }));
    assert.deepEqual(await readReleases(source, cacheDir, false, { branch: '6.1' }), first);
    assert.equal(typeof JSON.parse(readFileSync(cached, 'utf8')).branches['6.1'], 'string', 'rewritten');
    writeFileSync(
      cached,
      JSON.stringify({ ...stored, branches: { ...stored.branches, '6.1': '6.1.3\n6.1\t2022-12-11' } }),
    );
    assert.deepEqual(await readReleases(source, cacheDir, false, { branch: '6.1' }), first, 'a line without its tab');
  });

  const shared = sharedDataDir();
  const real = shared ? join(shared, 'linux-kernel-releases.json') : null;
  const skip = real && existsSync(real) ? false : 'shared data absent (../shared/data): real release dates skipped';
  it('gives every branch of the real release dates the same table as the prefix filter', { skip }, () => {
    const pairs = parseReleaseEntries(readFileSync(real as string, 'utf8'), 'real');
    const packed = packReleases('k', pairs);
    const branches = new Set(pairs.map(([name]) => /^(\d+\.\d+)/.exec(name)?.[1]).filter((b) => b !== undefined));
    assert.ok(branches.size > 50, `${branches.size} branches`);
    for (const branch of branches) {
      const got: ReleaseTable = {
        ...buildReleaseTable(selectReleases(packed, branch) ?? []).table,
        newestDate: packed.newestDate,
      };
      assert.deepEqual(got, filteredTable(pairs, branch), branch);
    }
    assert.equal(branchReleases(filteredTable(pairs, '6.1'), '6.1').length > 170, true);
  });
});
