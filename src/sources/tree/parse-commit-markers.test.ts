import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { androidPrefix, normalizeSubject, parseMarkerLine } from './parse-commit-markers.js';

const SHA = '68e068cabd2c6c533ef934c2e5151609cf6ecc6d';

describe('parseMarkerLine', () => {
  const cases: [string, ReturnType<typeof parseMarkerLine>][] = [
    [`commit ${SHA} upstream.`, { kind: 'backport', sha: SHA, style: 'stable' }],
    [`[ Upstream commit ${SHA} ]`, { kind: 'backport', sha: SHA, style: 'stable' }],
    [`(cherry picked from commit ${SHA})`, { kind: 'backport', sha: SHA, style: 'cherry-pick' }],
    [
      `(cherry picked from commit ${SHA.slice(0, 12)})`,
      { kind: 'backport', sha: SHA.slice(0, 12), style: 'cherry-pick' },
    ],
    [`Upstream-Commit: ${SHA.toUpperCase()}`, { kind: 'backport', sha: SHA, style: 'trailer' }],
    [`Origin: https://git.kernel.org/linus/${SHA}`, { kind: 'backport', sha: SHA, style: 'trailer' }],
    [`This reverts commit ${SHA}.`, { kind: 'revert', sha: SHA }],
    // Too short to trust in a kernel-sized history, and prose that only mentions a commit.
    [`(cherry picked from commit ${SHA.slice(0, 8)})`, null],
    [`Fixes: ${SHA.slice(0, 12)} ("net: something")`, null],
    ['Signed-off-by: A Developer <dev@example.org>', null],
  ];
  for (const [line, want] of cases) it(line, () => assert.deepEqual(parseMarkerLine(line), want));
});

describe('subjects', () => {
  it('Android prefixes', () => {
    assert.equal(androidPrefix('UPSTREAM: net: fix x'), 'UPSTREAM');
    assert.equal(androidPrefix('BACKPORT: net: fix x'), 'BACKPORT');
    assert.equal(androidPrefix('ANDROID: vendor hook'), null);
  });
  it('normalizeSubject drops the prefix, [PATCH] tags and extra spaces', () => {
    assert.equal(normalizeSubject('FROMGIT: net:  fix   x '), 'net: fix x');
    assert.equal(normalizeSubject('[PATCH 6.1] net: fix x'), 'net: fix x');
  });
});
