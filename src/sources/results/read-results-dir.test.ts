import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readResultsDir } from './read-results-dir.js';

const KTAP = 'KTAP version 1\n1..1\nok 1 booted\n';
const CONSOLE =
  '[ 0.1] Linux version 6.1\n[ 1.0] KTAP version 1\n[ 1.0] 1..1\n[ 1.1] ok 1 booted\n[ 2.0] WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2\n';

describe('readResultsDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'kgap-gate-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a boot directory: boot.ktap is the run, console.log gives crashes only (no double count)', async () => {
    const dir = join(root, 'boot');
    mkdirSync(dir);
    writeFileSync(join(dir, 'boot.ktap'), KTAP);
    writeFileSync(join(dir, 'console.log'), CONSOLE);
    const side = await readResultsDir(dir);
    assert.deepEqual(
      side.runs.map((r) => `${r.source} ${r.tests.length}`),
      ['boot.ktap 1'],
    );
    assert.deepEqual(side.consoleLogs, ['console.log']);
    assert.deepEqual(
      side.crashes.map((c) => c.signature),
      ['warning: WARNING: at a.c f'],
    );
  });
  it('a console log alone: its KUnit output is the run', async () => {
    const dir = join(root, 'console-only');
    mkdirSync(dir);
    writeFileSync(join(dir, 'console.log'), CONSOLE);
    const side = await readResultsDir(dir);
    assert.deepEqual(
      side.runs.map((r) => `${r.source} ${r.tests.map((t) => t.id).join()}`),
      ['console.log booted'],
    );
  });
  it('runs in subdirectories, in name order; binary and unknown files are ignored; a single file works', async () => {
    const dir = join(root, 'multi');
    mkdirSync(join(dir, 'run2'), { recursive: true });
    mkdirSync(join(dir, 'run1'));
    writeFileSync(join(dir, 'run2', 'kunit.ktap'), KTAP);
    writeFileSync(join(dir, 'run1', 'kunit.ktap'), KTAP);
    writeFileSync(join(dir, 'notes.md'), '# notes\n');
    writeFileSync(join(dir, 'core'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0]));
    const side = await readResultsDir(dir);
    assert.deepEqual(
      side.runs.map((r) => r.source),
      ['run1/kunit.ktap', 'run2/kunit.ktap'],
    );
    assert.deepEqual(side.ignored, ['core', 'notes.md']);
    const single = await readResultsDir(join(dir, 'run1', 'kunit.ktap'));
    assert.deepEqual(
      single.runs.map((r) => r.source),
      ['kunit.ktap'],
    );
  });
});
