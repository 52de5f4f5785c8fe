import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sharedBootKernels } from './boot-test-data.js';
import { findXzStream, parseKernelImage } from './kernel-image.js';

/** A minimal bzImage: boot sector signature, "HdrS", protocol, setup_sects, version string and payload fields. */
function bzImage(options: { protocol?: number; version?: string; payload?: Uint8Array }): Uint8Array {
  const setupSects = 4;
  const base = (setupSects + 1) * 512;
  const payload = options.payload ?? new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]);
  const b = new Uint8Array(base + 64 + payload.length);
  const v = new DataView(b.buffer);
  b[0x1f1] = setupSects;
  v.setUint16(0x1fe, 0xaa55, true);
  b.set(new TextEncoder().encode('HdrS'), 0x202);
  v.setUint16(0x206, options.protocol ?? 0x20f, true);
  if (options.version !== undefined) {
    b.set(new TextEncoder().encode(`${options.version}\0`), 0x300);
    v.setUint16(0x20e, 0x300 - 0x200, true);
  }
  v.setUint32(0x248, 64, true);
  v.setUint32(0x24c, payload.length, true);
  b.set(payload, base + 64);
  return b;
}

describe('parseKernelImage', () => {
  it('reads release, version and the XZ payload location from a bzImage header', () => {
    const image = parseKernelImage(bzImage({ version: '6.1.0-57-amd64 (x@y) #1 SMP Debian 6.1.192-3' }));
    assert.deepEqual(image, {
      kind: 'bzImage',
      version: '6.1.0-57-amd64 (x@y) #1 SMP Debian 6.1.192-3',
      release: '6.1.0-57-amd64',
      payload: { offset: 5 * 512 + 64, length: 9, format: 'xz' },
    });
  });

  const cases = [
    { name: 'no version pointer', input: bzImage({}), release: null, payload: 'xz' },
    {
      name: 'gzip payload',
      input: bzImage({ payload: new Uint8Array([0x1f, 0x8b, 8, 0]) }),
      release: null,
      payload: 'gzip',
    },
    {
      name: 'protocol < 2.08 has no payload fields',
      input: bzImage({ protocol: 0x207 }),
      release: null,
      payload: null,
    },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const image = parseKernelImage(c.input);
      assert.equal(image?.kind, 'bzImage');
      if (image?.kind !== 'bzImage') return;
      assert.equal(image.release, c.release);
      assert.equal(image.payload?.format ?? null, c.payload);
    });
  }

  it('recognizes an ELF64 x86-64 vmlinux and rejects other bytes', () => {
    const elf = new Uint8Array(64);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1]);
    elf[18] = 62;
    assert.deepEqual(parseKernelImage(elf), { kind: 'elf', release: null, version: null });
    const banner = new TextEncoder().encode('Linux version %s\0Linux version 6.1.0-57-amd64 (x@y) #1 SMP\n');
    const withBanner = new Uint8Array(elf.length + banner.length);
    withBanner.set(elf);
    withBanner.set(banner, elf.length);
    assert.deepEqual(parseKernelImage(withBanner), {
      kind: 'elf',
      release: '6.1.0-57-amd64',
      version: '6.1.0-57-amd64 (x@y) #1 SMP',
    });
    assert.equal(parseKernelImage(new TextEncoder().encode('CONFIG_X86_64=y\n'.repeat(100))), null);
    assert.equal(parseKernelImage(new Uint8Array(0)), null);
  });

  it('finds the XZ magic by scanning when needed', () => {
    const b = new Uint8Array([0xfd, 0, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
    assert.equal(findXzStream(b), 2);
    assert.equal(findXzStream(b, 3), -1);
  });

  it('reads the real Debian bzImages', (t) => {
    const kernels = sharedBootKernels();
    if (kernels === null) return t.skip('../shared/data/boot kernels absent');
    for (const k of kernels) {
      const image = parseKernelImage(readFileSync(k.file));
      assert.equal(image?.kind, 'bzImage');
      if (image?.kind !== 'bzImage') continue;
      assert.equal(image.release, k.release);
      assert.match(image.version ?? '', new RegExp(`Debian ${k.debian.replace('.', '\\.')} `));
      assert.equal(image.payload?.format, 'xz');
    }
  });
});
