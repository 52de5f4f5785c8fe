import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InvalidInput } from '../../domain/invalid-input.js';
import { runBootPair } from './run-boot-pair.js';

describe('runBootPair', () => {
  it("a side's bad input names the side (baselineKernel), so the CLI names the flag the user typed", async () => {
    const missing = join(tmpdir(), 'kgap-no-such-kernel');
    const shared = { timeoutSeconds: 5, cacheDir: tmpdir(), extract: true, env: {}, now: () => 0 };
    await assert.rejects(
      runBootPair({ baseline: { kernel: missing }, candidate: { kernel: missing }, shared, outDir: tmpdir() }),
      (e) =>
        e instanceof InvalidInput && e.field === 'baselineKernel' && e.problem.startsWith(`${missing} does not exist`),
    );
  });
});
