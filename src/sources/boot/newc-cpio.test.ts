import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderNewcCpio } from './newc-cpio.js';

const text = (s: string) => new TextEncoder().encode(s);
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('renderNewcCpio', () => {
  it('writes the newc header fields as 8 hex digits after the 070701 magic', () => {
    const out = latin1(renderNewcCpio([{ kind: 'file', path: 'init', data: text('#!/bin/sh\n'), mode: 0o755 }]));
    assert.equal(out.slice(0, 6), '070701');
    const field = (i: number) => Number.parseInt(out.slice(6 + i * 8, 14 + i * 8), 16);
    assert.deepEqual(
      [field(0), field(1), field(2), field(3), field(4), field(5), field(6), field(11), field(12)],
      [1, 0o100755, 0, 0, 1, 0, 10, 5, 0], // ino mode uid gid nlink mtime size namesize(incl. NUL) check
    );
    assert.equal(out.slice(110, 115), 'init\0');
  });

  it('pads header+name and data to 4 bytes and ends with TRAILER!!!', () => {
    const cases = [0, 1, 2, 3, 4, 5].map((n) => renderNewcCpio([{ kind: 'file', path: 'a', data: new Uint8Array(n) }]));
    for (const out of cases) {
      assert.equal(out.length % 4, 0);
      assert.match(latin1(out), /TRAILER!!!\0+$/);
    }
  });

  it('is deterministic: same entries, same bytes', () => {
    const entries = [
      { kind: 'dir', path: 'bin' } as const,
      { kind: 'symlink', path: 'bin/sh', target: 'busybox' } as const,
    ];
    assert.deepEqual(renderNewcCpio(entries), renderNewcCpio(entries));
  });

  it('rejects absolute paths', () => {
    assert.throws(() => renderNewcCpio([{ kind: 'dir', path: '/bin' }]), RangeError);
  });

  it('round-trips through GNU cpio -i (files, modes, symlinks, directories)', (t) => {
    if (spawnSync('cpio', ['--version']).error) return t.skip('cpio not installed (apt-get install cpio)');
    const dir = mkdtempSync(join(tmpdir(), 'kgap-cpio-'));
    try {
      const archive = renderNewcCpio([
        { kind: 'dir', path: 'bin' },
        { kind: 'file', path: 'bin/tool', data: text('hello\n'), mode: 0o755 },
        { kind: 'symlink', path: 'bin/alias', target: 'tool' },
        { kind: 'file', path: 'odd', data: text('xyz') },
      ]);
      const r = spawnSync('cpio', ['-i', '--quiet', '--no-absolute-filenames'], { cwd: dir, input: archive });
      assert.equal(r.status, 0, r.stderr.toString());
      assert.equal(readFileSync(join(dir, 'bin/tool'), 'utf8'), 'hello\n');
      assert.equal(statSync(join(dir, 'bin/tool')).mode & 0o777, 0o755);
      assert.equal(readlinkSync(join(dir, 'bin/alias')), 'tool');
      assert.equal(readFileSync(join(dir, 'odd'), 'utf8'), 'xyz');
      const list = spawnSync('cpio', ['-t', '--quiet'], { input: archive }).stdout.toString().trim().split('\n');
      assert.deepEqual(list, ['bin', 'bin/tool', 'bin/alias', 'odd']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
