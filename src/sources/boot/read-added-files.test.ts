import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InvalidInput } from '../../domain/invalid-input.js';
import { readAddedFiles } from './read-added-files.js';

const root = mkdtempSync(join(tmpdir(), 'kgap-add-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Makes a directory tree: path -> content (a string), or { link } for a symbolic link. */
function tree(name: string, files: Record<string, string | { link: string }>): string {
  const dir = join(root, name);
  for (const [path, what] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    if (typeof what === 'string') writeFileSync(join(dir, path), what);
    else symlinkSync(what.link, join(dir, path));
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('readAddedFiles', () => {
  it('lays the tree over the initramfs root, keeping modes and links, in name order', async () => {
    const dir = tree('tests', {
      'probe/run': '#!/bin/sh\n',
      'probe/data.txt': 'x',
      'lib/ld.so': { link: 'ld-2.36.so' },
    });
    chmodSync(join(dir, 'probe/run'), 0o750);
    const files = await readAddedFiles([dir]);
    assert.deepEqual(
      files.map((f) => ('target' in f ? [f.path, `-> ${f.target}`] : [f.path, f.mode?.toString(8)])),
      [
        ['lib/ld.so', '-> ld-2.36.so'],
        ['probe/data.txt', '644'],
        ['probe/run', '750'],
      ],
    );
  });

  const refused: [string, () => string[], RegExp][] = [
    ['a file where /init goes', () => [tree('r1', { init: 'x' })], /would replace \/init, which the initramfs needs/],
    ['a link where /bin goes', () => [tree('r2', { bin: { link: 'usr/bin' } })], /would replace \/bin/],
    [
      'two trees with the same file',
      () => [tree('r3', { 't/a': '1' }), tree('r4', { 't/a': '2' })],
      /r4\/t\/a and \S+r3\/t\/a both land at \/t\/a/,
    ],
    ['not a directory', () => [join(root, 'nope')], /nope is not a directory/],
  ];
  for (const [name, dirs, problem] of refused) {
    it(`${name}: an InvalidInput naming add`, async () => {
      await assert.rejects(readAddedFiles(dirs()), (e) => {
        assert.ok(e instanceof InvalidInput);
        assert.equal(e.field, 'add');
        assert.match(e.problem, problem);
        return true;
      });
    });
  }

  it('a FIFO is refused', async (t) => {
    const dir = tree('fifo', {});
    if (spawnSync('mkfifo', [join(dir, 'pipe')]).status !== 0) return t.skip('mkfifo unavailable');
    await assert.rejects(readAddedFiles([dir]), /is a device, FIFO or socket/);
  });
});
