import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InvalidInput } from '../../domain/invalid-input.js';
import { readBoundedBytes, readBoundedText } from './read-bounded.js';

describe('readBounded', () => {
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-bounded-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const limited = (bytes: number, fn: () => Promise<unknown>) => {
    process.env.KGAP_MAX_INPUT_BYTES = String(bytes);
    return fn().finally(() => {
      delete process.env.KGAP_MAX_INPUT_BYTES;
    });
  };

  it('reads a file up to the limit and refuses one byte more, naming the limit', async () => {
    const file = join(dir, 'f');
    writeFileSync(file, 'x'.repeat(100));
    assert.equal(((await limited(100, () => readBoundedBytes(file, { field: 'config' }))) as Buffer).length, 100);
    await assert.rejects(
      limited(99, () => readBoundedBytes(file, { field: 'config' })),
      (e: unknown) =>
        e instanceof InvalidInput &&
        e.field === 'config' &&
        /larger than 99 bytes \(KGAP_MAX_INPUT_BYTES\)/.test(e.problem),
    );
  });

  it('refuses devices and directories before opening them', async () => {
    await assert.rejects(readBoundedBytes('/dev/zero', { field: 'config' }), /device or socket/);
    await assert.rejects(readBoundedBytes(dir, { field: 'config' }), /is a directory/);
  });

  it('a FIFO nobody writes to reads as empty instead of waiting', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    assert.equal((await readBoundedBytes(fifo, { field: 'config' })).length, 0);
  });

  it('a gzip bomb stops at the limit', async () => {
    const file = join(dir, 'bomb.gz');
    writeFileSync(file, gzipSync(Buffer.alloc(4 * 1024 * 1024)));
    await assert.rejects(
      limited(1024 * 1024, () => readBoundedText(file, { field: 'changelog', gzip: true })),
      /decompresses to more than 1 MiB \(KGAP_MAX_INPUT_BYTES\)/,
    );
  });
});
