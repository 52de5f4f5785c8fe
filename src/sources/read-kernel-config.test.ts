import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { UserError } from '../domain/user-error.js';
import { decodeKernelConfig } from './read-kernel-config.js';

const TEXT = '# Linux/x86 6.1.170 Kernel Configuration\nCONFIG_X86_64=y\n# CONFIG_MODULES is not set\n';

describe('decodeKernelConfig', () => {
  it('reads plain text', () => {
    const c = decodeKernelConfig(Buffer.from(TEXT), '.config');
    assert.deepEqual([c.version, c.arch, c.values.get('CONFIG_MODULES')], ['6.1.170', 'x86_64', 'n']);
  });
  it('reads gzip (as /proc/config.gz)', () => {
    assert.equal(decodeKernelConfig(gzipSync(TEXT), 'config.gz').version, '6.1.170');
  });
  const bad: [string, Uint8Array, string, RegExp][] = [
    ['a truncated gzip', gzipSync(TEXT).subarray(0, 12), 'config.gz', /looks gzip-compressed but does not decompress/],
    ['a .gz that is not gzip', Buffer.from(TEXT), 'config.gz', /is named \.gz but is not gzip data/],
    ['text that is not a config', Buffer.from('hello world\n'), 'notes.txt', /is not a kernel config/],
    ['an empty file', new Uint8Array(), 'empty.config', /is not a kernel config/],
  ];
  for (const [name, bytes, source, message] of bad) {
    it(`rejects ${name} with a one-line UserError`, () => {
      assert.throws(
        () => decodeKernelConfig(bytes, source),
        (e: unknown) => e instanceof UserError && message.test(e.message) && !e.message.includes('\n'),
      );
    });
  }
});
