import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeLimit, LIMIT_SPECS, resolveLimits } from './limits.js';
import { UserError } from './user-error.js';

describe('limits', () => {
  it('defaults, overridden by their variables', () => {
    const limits = resolveLimits({});
    assert.equal(limits.inputBytes, 64 * 1024 * 1024);
    assert.equal(resolveLimits({ KGAP_MAX_INPUT_BYTES: '1000' }).inputBytes, 1000);
    for (const [name, spec] of Object.entries(LIMIT_SPECS))
      assert.equal(limits[name as keyof typeof limits], spec.default);
  });
  it('a variable that is not a positive whole number is refused with its name', () => {
    for (const bad of ['0', '-1', '1e9', '12 MB', 'x'])
      assert.throws(
        () => resolveLimits({ KGAP_MAX_SOURCE_BYTES: bad }),
        (e: unknown) => e instanceof UserError && /KGAP_MAX_SOURCE_BYTES/.test(e.message),
      );
  });
  it('reads in a message with its unit and variable', () => {
    assert.equal(describeLimit('inputBytes', 16 * 1024 * 1024), '16 MiB (KGAP_MAX_INPUT_BYTES)');
    assert.equal(describeLimit('xmlDepth', 256), '256 (KGAP_MAX_XML_DEPTH)');
    assert.equal(describeLimit('lockWaitSeconds', 300), '300 s (KGAP_LOCK_WAIT_SECONDS)');
  });
});
