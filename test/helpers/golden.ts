import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The one folder of golden files (in the source tree, two levels above dist/test/helpers' parent). */
export const GOLDEN_DIR = fileURLToPath(new URL('../../../test/golden/', import.meta.url));

/**
 * Compares rendered output with `test/golden/NAME`; `UPDATE_GOLDEN=1 npm test` rewrites the files instead. The
 * one golden-file helper: every rendered-output test goes through it.
 */
export function assertGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    assert.fail(`golden file test/golden/${name} is missing (UPDATE_GOLDEN=1 npm test writes it)`);
  }
  assert.equal(actual, expected, `test/golden/${name} differs (UPDATE_GOLDEN=1 npm test accepts the new output)`);
}
