import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVexDocument } from './read-vex-document.js';

const statuses = (text: string) =>
  [...parseVexDocument(text, 'doc.json').statements.values()]
    .map((s) => [s.id, s.status, s.justification])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('parseVexDocument', () => {
  it('OpenVEX: the later statement on a vulnerability wins', () => {
    const doc = {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      statements: [
        { vulnerability: { name: 'CVE-2025-1' }, status: 'affected', timestamp: '2026-01-02T00:00:00Z' },
        { vulnerability: { name: 'CVE-2025-1' }, status: 'fixed', timestamp: '2026-01-03T00:00:00Z' },
        { vulnerability: { name: 'CVE-2025-2' }, status: 'not_affected', justification: 'component_not_present' },
      ],
    };
    assert.deepEqual(statuses(JSON.stringify(doc)), [
      ['CVE-2025-1', 'fixed', null],
      ['CVE-2025-2', 'not_affected', 'component_not_present'],
    ]);
  });

  it('CycloneDX: states and justifications in the OpenVEX vocabulary; no analysis = affected', () => {
    const doc = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      vulnerabilities: [
        { id: 'CVE-2025-1', analysis: { state: 'exploitable' } },
        { id: 'CVE-2025-2', analysis: { state: 'not_affected', justification: 'code_not_present' } },
        { id: 'CVE-2025-3', analysis: { state: 'resolved_with_pedigree' } },
        { id: 'CVE-2025-4' },
        { id: 'CVE-2025-5', analysis: { state: 'false_positive' } },
      ],
    };
    assert.deepEqual(statuses(JSON.stringify(doc)), [
      ['CVE-2025-1', 'affected', null],
      ['CVE-2025-2', 'not_affected', 'vulnerable_code_not_present'],
      ['CVE-2025-3', 'fixed', null],
      ['CVE-2025-4', 'affected', null],
      ['CVE-2025-5', 'not_affected', null],
    ]);
  });

  it('CSAF: product status and flag labels', () => {
    const doc = {
      document: { csaf_version: '2.0' },
      vulnerabilities: [
        { cve: 'CVE-2025-1', product_status: { known_affected: ['p'] }, remediations: [{ details: 'update' }] },
        {
          cve: 'CVE-2025-2',
          product_status: { known_not_affected: ['p'] },
          flags: [{ label: 'vulnerable_code_not_present' }],
        },
        { ids: [{ text: 'GHSA-x' }], product_status: { fixed: ['p'] } },
      ],
    };
    assert.deepEqual(statuses(JSON.stringify(doc)), [
      ['CVE-2025-1', 'affected', null],
      ['CVE-2025-2', 'not_affected', 'vulnerable_code_not_present'],
      ['GHSA-x', 'fixed', null],
    ]);
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{', /doc\.json is not JSON/],
    ['not a VEX format', '[1]', /neither OpenVEX/],
    [
      'a bad OpenVEX status',
      '{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"x"},"status":"maybe"}]}',
      /not a valid OpenVEX document \(statements\.0\.status/,
    ],
    [
      'a CycloneDX vulnerability without id',
      '{"bomFormat":"CycloneDX","specVersion":"1.6","vulnerabilities":[{}]}',
      /not a valid CycloneDX document \(vulnerabilities\.0\.id/,
    ],
  ];
  for (const [name, text, re] of bad)
    it(`refuses ${name}`, () => assert.throws(() => parseVexDocument(text, 'doc.json'), re));
});
