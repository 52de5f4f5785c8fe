import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assessLag } from '../src/analysis/lag/assess-lag.js';
import { daysBetween } from '../src/domain/day.js';
import { REAL_DATA_SKIP_REASON, type RealIndex, realIndex } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

// The real vulns mirror: 14,626 published CVEs, last commit 2026-08-21.
describe('lag on the real vulns data', async () => {
  let real: RealIndex | null = null;
  before(async () => {
    real = await realIndex();
  });
  const skip = (await realIndex()) === null ? REAL_DATA_SKIP_REASON : false;

  it('every CVE has a dated fix; almost all were published after a fix release was out', { skip }, () => {
    assert.ok(real);
    const r = assessLag(real.index, real.releases, { since: null, branch: null });
    assert.equal(r.overall.cves + r.excluded.noDatedFix, real.index.records.length);
    assert.equal(r.excluded.noDatedFix, 0);
    const o = r.overall;
    assert.equal(o.fixReleasedBeforePublication + o.sameDay + o.fixAfterPublication, o.cves);
    assert.ok(o.fixReleasedBeforePublicationShare > 0.95, String(o.fixReleasedBeforePublicationShare));
    assert.ok(o.medianLagDays !== null && o.medianLagDays > 0 && o.medianLagDays < 60, String(o.medianLagDays));
    assert.equal(
      r.byYear.reduce((n, y) => n + y.cves, 0),
      o.cves,
    );
  });

  it('CVE-2021-46981: lag recomputed by hand from its dyad and the release dates', { skip }, () => {
    assert.ok(real);
    const rec = real.index.records.find((x) => x.id === 'CVE-2021-46981');
    assert.ok(rec);
    // Its fixes: 5.4.120, 5.10.38, 5.11.22, 5.12.5 and mainline 5.13; the first one released decides.
    const dates = rec.dyad.flatMap((d) => (d.fixVersion ? [real?.releases.byName.get(d.fixVersion)?.date ?? ''] : []));
    const first = dates.filter(Boolean).sort()[0] ?? '';
    const want = daysBetween(first, rec.published);
    const single = assessLag({ ...real.index, records: [rec] }, real.releases, { since: null, branch: '5.10' });
    assert.deepEqual([...single.lags], [want]);
    const mainline = real.releases.byName.get('5.13')?.date ?? '';
    assert.equal(single.mainline.medianLagDays, daysBetween(mainline, rec.published));
    const on510 = real.releases.byName.get('5.10.38')?.date ?? '';
    assert.equal(single.selectedBranch?.medianLagDays, daysBetween(on510, rec.published));
  });

  it('--since 2026-01-01 keeps only 2026 publications', { skip }, () => {
    assert.ok(real);
    const r = assessLag(real.index, real.releases, { since: '2026-01-01', branch: '6.1' });
    assert.deepEqual(
      r.byYear.map((y) => y.year),
      ['2026'],
    );
    assert.equal(r.overall.cves + r.excluded.beforeSince, real.index.records.length);
  });

  it('the CLI: JSON, Markdown with an inline SVG image, HTML with an SVG, errors exit 2', { skip }, () => {
    assert.ok(real);
    const env = { KGAP_CACHE_DIR: real.cacheDir };
    const json = runCli(['lag', '--format', 'json', '--branch', '6.1'], env);
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout);
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(Object.keys(doc.overall).slice(0, 1), ['cves']);
    assert.equal(doc.overall.cves, real.index.records.length);
    assert.equal(typeof doc.overall.fixReleasedBeforePublicationShare, 'number');
    assert.equal(typeof doc.overall.medianLagDays, 'number');
    assert.equal(typeof doc.overall.meanLagDays, 'number');
    assert.equal(doc.selectedBranch.branch, '6.1');
    assert.equal(
      doc.histogram.bins.reduce((n: number, b: { count: number }) => n + b.count, 0),
      doc.overall.cves,
    );

    const md = runCli(['lag', '--format', 'markdown'], env);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /!\[Lag histogram\]\(data:image\/svg\+xml;base64,/);
    const html = runCli(['lag', '--format', 'html', '--since', '2025-01-01'], env);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /^<!doctype html>/);
    assert.match(html.stdout, /<svg xmlns=/);

    for (const args of [
      ['--since', '2024-02-30'],
      ['--branch', '9.9'],
    ]) {
      const bad = runCli(['lag', ...args], env);
      assert.equal(bad.code, 2, args.join(' '));
      assert.equal(bad.stdout, '');
      assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
    }
  });
});
