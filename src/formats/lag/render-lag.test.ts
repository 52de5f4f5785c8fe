import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessLag } from '../../analysis/lag/assess-lag.js';
import type { CveRecord } from '../../domain/cve.js';
import { buildIndex, buildRecord } from '../../domain/cve-record.test-helper.js';
import { buildReleaseTable } from '../../domain/release.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { lagFormats } from './index.js';

const rec = (id: string, published: string, fix: string): CveRecord =>
  buildRecord({ id, published, dyad: [`6.0:${fix}`], title: `<b>${id}</b> & "quotes"` });
const index: VulnsIndex = buildIndex(
  [rec('CVE-2024-0001', '2024-03-11', '6.1.10'), rec('CVE-2024-0002', '2024-01-01', '6.1.10')],
  '2024-06-01T00:00:00Z',
);
const releases = buildReleaseTable([
  ['6.1', '2023-12-11'],
  ['6.1.10', '2024-02-01'],
]).table;
const report = assessLag(index, releases, { since: null, branch: '6.1' });

describe('lag renderers', () => {
  it('json: schemaVersion, overall figures, histogram counts sum to the CVEs', () => {
    const doc = JSON.parse(lagFormats.json(report));
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(
      [doc.overall.cves, doc.overall.fixReleasedBeforePublicationShare, doc.overall.medianLagDays],
      [2, 0.5, 4], // lags 39 and -31: median (39 - 31) / 2
    );
    assert.equal(
      doc.histogram.bins.reduce((n: number, b: { count: number }) => n + b.count, 0),
      2,
    );
  });
  it('table: the findings and the 2019 comparison', () => {
    const text = lagFormats.table(report);
    assert.match(text, /50\.0% were published after a release with the fix was already out/);
    assert.match(text, /The 2019 study of 1,005 older kernel CVEs found 41\.0% fixed before/);
    assert.match(text, /Branch 6\.1: 2 CVEs fixed there; 50\.0% of those fixes arrived only after/);
  });
  it('markdown: an inline SVG image and tables', () => {
    const md = lagFormats.markdown(report);
    assert.match(md, /^# kgap lag/);
    assert.match(md, /!\[Lag histogram\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
    assert.match(md, /\| 6\.1 \| 2 \| 50\.0% \|/);
  });
  it('html: one page with the histogram', () => {
    const page = lagFormats.html(report);
    assert.match(page, /^<!doctype html>/);
    assert.equal(page.match(/<svg /g)?.length, 1);
  });
  it('every format is byte-stable', () => {
    for (const render of Object.values(lagFormats)) assert.equal(render(report), render(report));
  });
});
