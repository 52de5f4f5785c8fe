import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InvalidInput } from '../../domain/invalid-input.js';
import { runGate } from './run-gate.js';

// dist/src/app/gate/ -> the fixture scenario in the source tree.
const GATE = fileURLToPath(new URL('../../../../test/fixtures/results/gate/', import.meta.url));
const sides = { baseline: `${GATE}baseline`, candidate: `${GATE}candidate` };

/** A library caller's bad input names the input field, never a CLI flag. */
async function field(input: Parameters<typeof runGate>[0]): Promise<string> {
  const error = await runGate(input).then(
    () => assert.fail('no error'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof InvalidInput, String(error));
  assert.doesNotMatch(error.message, /--/);
  return error.field;
}

describe('runGate (library use)', () => {
  it('decides the fixture scenario: no-go, judged as of the given day', async () => {
    const view = await runGate({ ...sides, knownIssues: `${GATE}known-issues.json`, asOf: '2026-11-28' });
    assert.equal(view.assessment.verdict, 'no-go');
    assert.equal(view.assessment.asOf, '2026-11-28');
    assert.equal(view.baselinePath, sides.baseline);
  });
  it('names the field of bad input', async () => {
    assert.equal(await field({ ...sides, asOf: '2024-02-30' }), 'asOf');
    assert.equal(await field({ ...sides, candidate: `${GATE}nope`, asOf: '2026-11-28' }), 'candidate');
    assert.equal(await field({ ...sides, knownIssues: `${GATE}nope.json`, asOf: '2026-11-28' }), 'knownIssues');
  });
});
