import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessExposure } from '../src/analysis/exposure/assess-exposure.js';
import { planStatusView } from '../src/analysis/exposure/plan-status-view.js';
import type { CveRecord } from '../src/domain/cve.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { buildReleaseTable } from '../src/domain/release.js';
import type { VulnsIndex } from '../src/domain/vulns-index.js';
import { STATUS_FORMATS, statusFormats } from '../src/formats/status/index.js';
import { parseDyad } from '../src/sources/vulns/parse-dyad.js';
import { assertGolden } from './helpers/golden.js';

function record(id: string, title: string, dyad: string, score: number | null, published: string): CveRecord {
  return {
    id,
    title,
    published,
    modified: published,
    cvss:
      score === null
        ? null
        : { score, vector: 'CVSS:3.1/x', severity: score >= 9 ? 'critical' : score >= 7 ? 'high' : 'medium' },
    dyad: parseDyad(dyad).entries,
    fixShas: [],
    vulnerableShas: [],
    programFiles: ['net/core/dev.c'],
  };
}

const index: VulnsIndex = {
  schemaVersion: 1,
  source: 'test',
  vulnsCommit: 'd9dda40c8f21126303839427ebc8652167302488',
  vulnsCommitDate: '2026-08-21T18:32:04+02:00',
  problems: [],
  records: [
    record(
      'CVE-2024-0001',
      'net: fix <a> | b & "c"',
      '2.6.34:aaaaaaa:6.1.3:bbbbbbb\n2.6.34:aaaaaaa:6.2:ccccccc',
      7.8,
      '2024-01-02',
    ),
    record('CVE-2024-0002', 'mm: never backported', '5.10:aaaaaaa:6.4:ccccccc', null, '2024-02-03'),
    record(
      'CVE-2024-0003',
      'fs: two fixes on one branch',
      '6.1:aaaaaaa:6.1.2:bbbbbbb\n6.1:aaaaaaa:6.1.4:bbbbbbb\n6.1:aaaaaaa:6.3:ccccccc',
      9.8,
      '2024-03-04',
    ),
    record('CVE-2024-0004', 'not in 6.1', '6.5:aaaaaaa:6.6:ccccccc', 5.5, '2024-04-05'),
  ],
};
const { table: releases } = buildReleaseTable([
  ['6.1', '2022-12-11'],
  ['6.1.1', '2022-12-21'],
  ['6.1.2', '2023-01-04'],
  ['6.1.3', '2023-01-07'],
  ['6.1.4', '2023-01-12'],
]);

describe('status rendering (golden files)', () => {
  const v = parseKernelVersion('6.1.2');
  assert.ok(v);
  const view = planStatusView(assessExposure(index, releases, v), {});
  for (const format of STATUS_FORMATS) {
    it(format, async () => {
      const out = await statusFormats[format](view);
      const ext = {
        table: 'txt',
        json: 'json',
        markdown: 'md',
        openvex: 'openvex.json',
        cyclonedx: 'cdx.json',
        csaf: 'csaf.json',
        sarif: 'sarif',
        github: 'github.txt',
        gitlab: 'gitlab.json',
        html: 'html',
      }[format];
      assertGolden(`status.${ext}`, out);
    });
  }
  it('summary arithmetic', () => {
    const s = view.report.summary;
    assert.equal(s.affected, 3);
    assert.equal(s.fixedByNewerRelease, 2);
    assert.equal(s.noFixOnBranch, 1);
    assert.equal(s.ambiguous, 1);
    assert.equal(view.report.releasesBehind, 2);
    assert.equal(view.report.daysBehind, 8);
    assert.deepEqual(s.biggestFixRelease, { version: '6.1.3', fixes: 1 });
  });
});
