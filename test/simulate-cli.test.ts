import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

const shared = sharedDataDir();
const CHANGELOG = shared ? join(shared, 'debian', 'changelog-linux-6.1.192-3.gz') : '';
// A short window keeps the CLI runs quick; test/simulate-real.test.ts replays the full two years.
const EXAMPLE = ['--branch', '6.1', '--start', '6.1.100', '--from', '2024-06-01', '--to', '2024-12-31'];
const POLICIES = [
  '--policy',
  'frozen',
  '--policy',
  'track-stable:14d',
  '--policy',
  'cherry-pick-cves:30d',
  '--policy',
  'upgrade-every:90d',
];

describe('kgap simulate / kgap diff (built CLI, real data)', async () => {
  const real = await realIndex();
  const skip = real === null || !existsSync(CHANGELOG) ? REAL_DATA_SKIP_REASON : false;
  const env = { KGAP_CACHE_DIR: real?.cacheDir ?? '' };

  it('simulate --format json: schemaVersion 1, one entry per policy, byte-stable', { skip }, () => {
    const args = ['simulate', ...EXAMPLE, ...POLICIES, '--changelog', CHANGELOG, '--format', 'json'];
    const first = runCli(args, env);
    assert.equal(first.code, 0, first.stderr);
    const doc = JSON.parse(first.stdout) as {
      schemaVersion: number;
      policies: { policy: string; vulnerabilityDays: number; stableCommits: unknown }[];
    };
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(
      doc.policies.map((p) => p.policy),
      ['frozen', 'track-stable:14d', 'cherry-pick-cves:30d', 'upgrade-every:90d'],
    );
    assert.ok(doc.policies.every((p) => Number.isInteger(p.vulnerabilityDays) && p.stableCommits !== null));
    assert.equal(runCli(args, env).stdout, first.stdout);
  });

  it('simulate --format html and markdown carry the SVG chart', { skip }, () => {
    const page = runCli(
      ['simulate', ...EXAMPLE, '--policy', 'frozen', '--policy', 'track-stable:14d', '--format', 'html'],
      env,
    );
    assert.equal(page.code, 0, page.stderr);
    assert.match(page.stdout, /^<!doctype html>/);
    assert.match(page.stdout, /<svg [^>]*role="img"/);
    assert.match(page.stdout, /<polyline[^>]*><title>track-stable:14d<\/title>/);
    // Frozen dwarfs the rest: a second chart shows the others on their own scale.
    assert.equal(page.stdout.match(/<svg /g)?.length, 2);
    const md = runCli(['simulate', ...EXAMPLE, '--policy', 'frozen', '--format', 'markdown'], env);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /!\[Open CVEs on 6\.1 from 6\.1\.100, per policy\]\(data:image\/svg\+xml;base64,/);
  });

  it('diff --format json with the changelog', { skip }, () => {
    const r = runCli(
      ['diff', '--from', '6.1.170', '--to', '6.1.183', '--changelog', CHANGELOG, '--format', 'json'],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as {
      schemaVersion: number;
      summary: { fixed: number };
      stableCommits: { total: number };
    };
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.stableCommits.total, 2936);
    assert.ok(doc.summary.fixed > 1000);
  });

  const BAD: [string, string[], RegExp][] = [
    [
      'an unknown policy',
      ['simulate', '--start', '6.1.100', '--policy', 'yolo'],
      /valid forms: frozen, track-stable:Nd/,
    ],
    [
      '--to before --from',
      ['simulate', ...EXAMPLE.slice(0, 4), '--from', '2025-01-01', '--to', '2024-12-01'],
      /--to 2024-12-01 is before the first day \(2025-01-01\)/,
    ],
    ['a date past the data', ['simulate', '--start', '6.1.100', '--to', '2027-01-01'], /after the data ends/],
    [
      'a branch with no releases in range',
      ['simulate', '--start', '4.19.300', '--from', '2025-06-01', '--to', '2025-08-01'],
      /no release after 4\.19\.300/,
    ],
    [
      'a changelog in another format',
      [
        'diff',
        '--from',
        '6.1.170',
        '--to',
        '6.1.183',
        '--changelog',
        join(shared ?? '', 'configs', 'debian-6.1.170-3-amd64.config'),
      ],
      /is not a Debian changelog/,
    ],
    [
      'a backwards diff',
      ['diff', '--from', '6.1.183', '--to', '6.1.170'],
      /^kgap: --to 6\.1\.170 must be newer than the release it updates from \(6\.1\.183\)$/m,
    ],
  ];
  for (const [name, args, message] of BAD) {
    it(`refuses ${name}: exit 2, one line`, { skip }, () => {
      const r = runCli(args, env);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    });
  }
});
