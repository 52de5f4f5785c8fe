import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKnownIssues } from './parse-known-issues.js';

describe('parseKnownIssues', () => {
  it('reads test and crash entries', () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      issues: [
        { test: 'ltp/fcntl14', reason: 'NFS lock bug', expires: '2026-12-31', link: 'https://bugs.example/1' },
        { crash: 'warning: WARNING: at drivers/net/virtio_net.c *', reason: 'QEMU quirk', expires: '2027-03-01' },
      ],
    });
    const { issues, problems } = parseKnownIssues(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(issues, [
      {
        test: 'ltp/fcntl14',
        crash: null,
        reason: 'NFS lock bug',
        expires: '2026-12-31',
        link: 'https://bugs.example/1',
      },
      {
        test: null,
        crash: 'warning: WARNING: at drivers/net/virtio_net.c *',
        reason: 'QEMU quirk',
        expires: '2027-03-01',
        link: null,
      },
    ]);
  });
  const bad: [string, unknown, RegExp][] = [
    [
      'no reason',
      { schemaVersion: 1, issues: [{ test: 't', reason: '', expires: '2026-01-01' }] },
      /reason is required/,
    ],
    ['no expiry', { schemaVersion: 1, issues: [{ test: 't', reason: 'r' }] }, /issues\.0\.expires/],
    [
      'not a day',
      { schemaVersion: 1, issues: [{ test: 't', reason: 'r', expires: 'soon' }] },
      /issues\.0\.expires: takes a day as YYYY-MM-DD \(e\.g\. 2024-02-13\), not "soon"/,
    ],
    [
      'impossible month',
      { schemaVersion: 1, issues: [{ test: 't', reason: 'r', expires: '2026-13-45' }] },
      /not "2026-13-45"/,
    ],
    [
      'a day February does not have',
      { schemaVersion: 1, issues: [{ test: 't', reason: 'r', expires: '2026-02-30' }] },
      /not "2026-02-30"/,
    ],
    [
      'both test and crash',
      { schemaVersion: 1, issues: [{ test: 't', crash: 'c', reason: 'r', expires: '2026-01-01' }] },
      /exactly one/,
    ],
    [
      'unknown key',
      { schemaVersion: 1, issues: [{ test: 't', reason: 'r', expires: '2026-01-01', until: 'x' }] },
      /until/,
    ],
    ['wrong version', { schemaVersion: 2, issues: [] }, /schemaVersion/],
  ];
  for (const [name, data, want] of bad) {
    it(`rejects ${name}`, () => {
      const { issues, problems } = parseKnownIssues(JSON.stringify(data));
      assert.deepEqual(issues, []);
      assert.match(problems.join('\n'), want);
    });
  }
  it('rejects text that is not JSON', () => assert.match(parseKnownIssues('{').problems[0] ?? '', /^not valid JSON/));
});
