import assert from 'node:assert/strict';
import type { CliRun } from './run-cli.js';

/** A user error: one `kgap:` line on stderr (after any progress lines), nothing on stdout, no stack, exit 2. */
export function assertOneLineUsageError(run: CliRun, pattern: RegExp): void {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stdout, '');
  const errors = run.stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('kgap: '));
  assert.equal(errors.length, 1, run.stderr);
  assert.match(errors[0] ?? '', pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
}
