import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessExposureCurve } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import type { CveRecord } from '../../domain/cve.js';
import { buildIndex, buildRecord } from '../../domain/cve-record.test-helper.js';
import { buildReleaseTable } from '../../domain/release.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { exposureCurveFormats } from './index.js';

const rec = (id: string, published: string, intro: string, fix: string | null): CveRecord =>
  buildRecord({ id, published, dyad: [`${intro}:${fix ?? ''}`] });
const index: VulnsIndex = buildIndex(
  [rec('CVE-2024-0001', '2024-03-10', '6.1', '6.1.2'), rec('CVE-2024-0002', '2024-04-01', '5.10', '6.2')],
  '2024-05-01T00:00:00Z',
  'b',
);
const releases = buildReleaseTable([
  ['6.1', '2024-01-01'],
  ['6.1.1', '2024-02-01'],
  ['6.1.2', '2024-03-01'],
  ['6.2', '2024-02-15'],
]).table;
const report = assessExposureCurve(index, releases, { branch: '6.1', asOf: '2024-04-30' });

describe('exposure-curve renderers', () => {
  it('json: releases oldest first with age and open counts', () => {
    const doc = JSON.parse(exposureCurveFormats.json(report));
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(
      doc.releases.map((r: { version: string; ageDays: number; openCves: number }) => [
        r.version,
        r.ageDays,
        r.openCves,
      ]),
      [
        ['6.1', 120, 2],
        ['6.1.1', 89, 2],
        ['6.1.2', 60, 1],
      ],
    );
    assert.deepEqual(doc.neverBackported.branches[0], {
      branch: '6.1',
      latest: '6.1.2',
      latestDate: '2024-03-01',
      openCves: 1,
      fixedUpstreamNotBackported: 1,
    });
  });
  it('table and markdown carry the how-old-can-we-be rows; markdown embeds the curve', () => {
    assert.match(exposureCurveFormats.table(report), /90 days {3}6\.1\.1 +89 +2 +1 +0/);
    const md = exposureCurveFormats.markdown(report);
    assert.match(md, /!\[Exposure curve\]\(data:image\/svg\+xml;base64,/);
    assert.match(md, /\| 6\.1\.2 \| 2024-03-01 \| 60 \| 1 \| 0 \| 0 \|/);
  });
  it('html: a page with one line chart of three series', () => {
    const page = exposureCurveFormats.html(report);
    assert.equal(page.match(/<polyline /g)?.length, 3);
  });
});
