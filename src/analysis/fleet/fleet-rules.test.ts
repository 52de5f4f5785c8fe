import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessSupport } from './assess-support.js';
import { assessVulnerabilityDays } from './assess-vulnerability-days.js';
import { planNotification } from './plan-notification.js';
import { planScanEvents, type ScanFacts } from './plan-scan-events.js';

describe('vulnerability-days', () => {
  const dates: Record<string, string> = { '6.1.50': '2024-01-10', '6.1.60': '2024-03-01' };
  const fixDate = (r: string) => dates[r] ?? null;
  const cases: [string, { published: string; fixedOnBranch: string | null }[], number][] = [
    ['fix out before publication: counts from publication', [{ published: '2024-02-01', fixedOnBranch: '6.1.50' }], 29],
    [
      'published before the fix: counts from the fix release',
      [{ published: '2023-12-01', fixedOnBranch: '6.1.50' }],
      51,
    ],
    ['no fix on the branch: nothing to take', [{ published: '2023-12-01', fixedOnBranch: null }], 0],
    ['fix release without a date: not counted', [{ published: '2023-12-01', fixedOnBranch: '6.1.99' }], 0],
    ['fix after the day: nothing yet', [{ published: '2023-12-01', fixedOnBranch: '6.1.60' }], 0],
  ];
  for (const [name, findings, want] of cases) {
    it(name, () => assert.equal(assessVulnerabilityDays(findings, fixDate, '2024-03-01'), want));
  }
});

describe('scan events', () => {
  const facts = (ids: [string, ScanFacts['findings'][number]['relevance']][], latest = '6.1.60'): ScanFacts => ({
    findings: ids.map(([id, relevance]) => ({ id, cvss: 7.5, severity: 'high', title: id, relevance })),
    branchLatest: latest,
    branchLatestDate: '2024-03-01',
    releasesBehind: 2,
  });
  it('the first scan is the baseline', () =>
    assert.deepEqual(planScanEvents(null, facts([['CVE-2024-1', 'built']])), []));
  it('notifies new CVEs in built code only, and every new CVE without a config', () => {
    const prev = { ids: new Set(['CVE-2024-1']), branchLatest: '6.1.60' };
    const withConfig = planScanEvents(
      prev,
      facts([
        ['CVE-2024-1', 'built'],
        ['CVE-2024-2', 'built'],
        ['CVE-2024-3', 'not-built'],
        ['CVE-2024-4', 'unknown'],
      ]),
    );
    assert.deepEqual(
      withConfig.map((e) => (e.kind === 'new-cves' ? e.cves.map((c) => [c.id, c.relevance]) : e.kind)),
      [[['CVE-2024-2', 'built']]],
    );
    const noConfig = planScanEvents(prev, facts([['CVE-2024-5', null]]));
    assert.deepEqual(
      noConfig.map((e) => (e.kind === 'new-cves' ? e.cves.map((c) => c.relevance) : [])),
      [['no-config']],
    );
  });
  it('notifies a newer release of the branch', () => {
    const events = planScanEvents({ ids: new Set(), branchLatest: '6.1.50' }, facts([], '6.1.60'));
    assert.deepEqual(events, [
      { kind: 'new-release', previousLatest: '6.1.50', latest: '6.1.60', latestDate: '2024-03-01', releasesBehind: 2 },
    ]);
  });
});

describe('support period against the branch end of life', () => {
  const eol = { eol: '2027-12-31', projected: true };
  it('warns when the branch ends first', () =>
    assert.match(
      assessSupport({ branch: '6.1', eol, supportUntil: '2030-01-01', asOf: '2026-08-01' }).warning ?? '',
      /ends 2027-12-31 \(projected\), before/,
    ));
  it('is quiet when the branch outlives the support', () =>
    assert.equal(assessSupport({ branch: '6.1', eol, supportUntil: '2027-01-01', asOf: '2026-08-01' }).warning, null));
  it('warns when the branch has ended', () =>
    assert.match(
      assessSupport({
        branch: '4.19',
        eol: { eol: '2024-12-05', projected: false },
        supportUntil: null,
        asOf: '2026-08-01',
      }).warning ?? '',
      /reached end of life on 2024-12-05/,
    ));
  it('says nothing for an unknown branch', () =>
    assert.equal(
      assessSupport({ branch: '9.9', eol: null, supportUntil: '2030-01-01', asOf: '2026-08-01' }).warning,
      null,
    ));
});

describe('notification payloads', () => {
  const context = {
    product: 'p',
    version: '6.1.40',
    branch: '6.1',
    scannedAt: 'T',
    vulnsCommit: 'c',
    releasesAsOf: null,
    link: null,
  };
  it('escapes nothing in JSON and keeps the documented keys in order', () => {
    const body = planNotification(
      {
        kind: 'new-cves',
        cves: [{ id: 'CVE-2024-1', cvss: null, severity: null, title: 'a <b> & "c"', relevance: 'built' }],
      },
      context,
      'json',
    );
    assert.deepEqual(Object.keys(JSON.parse(body)), ['schemaVersion', 'event', 'product', 'scannedAt', 'data', 'cves']);
    assert.equal(JSON.parse(body).cves[0].title, 'a <b> & "c"');
  });
  it('lists at most ten CVEs in the Slack text', () => {
    const cves = Array.from({ length: 12 }, (_, i) => ({
      id: `CVE-2024-${i}`,
      cvss: 9.8,
      severity: 'critical' as const,
      title: 't',
      relevance: 'built' as const,
    }));
    const text = JSON.parse(planNotification({ kind: 'new-cves', cves }, context, 'slack')).text as string;
    assert.match(text, /newly exposed to 12 CVEs in code it builds/);
    assert.match(text, /… and 2 more$/);
  });
});
