import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sharedArm64Kernel, sharedBootKernels } from './boot-test-data.js';
import { describeForeignImage } from './foreign-image.js';
import { findXzStream, parseKernelImage } from './kernel-image.js';
import { arm64Image, elf } from './kernel-image.test-helper.js';

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
      arch: 'x86_64',
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
    assert.deepEqual(parseKernelImage(elf), { kind: 'elf', arch: 'x86_64', release: null, version: null });
    const banner = new TextEncoder().encode('Linux version %s\0Linux version 6.1.0-57-amd64 (x@y) #1 SMP\n');
    const withBanner = new Uint8Array(elf.length + banner.length);
    withBanner.set(elf);
    withBanner.set(banner, elf.length);
    assert.deepEqual(parseKernelImage(withBanner), {
      kind: 'elf',
      arch: 'x86_64',
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

describe('parseKernelImage on arm64', () => {
  it('recognizes an Image by its header magic and reads the release from its banner', () => {
    assert.deepEqual(parseKernelImage(arm64Image()), {
      kind: 'Image',
      arch: 'arm64',
      release: '6.1.0-47-arm64',
      version: '6.1.0-47-arm64 (x@y) #1 SMP Debian 6.1.170-3',
      compressed: null,
    });
  });

  it('the magic, not the "MZ" an EFI stub starts with, makes an Image', () => {
    const b = arm64Image();
    b[56] = 0;
    assert.equal(parseKernelImage(b), null);
  });

  it('reads the real Debian arm64 Image', (t) => {
    const k = sharedArm64Kernel();
    if (k === null) return t.skip('../shared/data/boot/vmlinuz-6.1.170-3-arm64 absent');
    const image = parseKernelImage(readFileSync(k.file));
    assert.equal(image?.kind, 'Image');
    assert.equal(image?.arch, 'arm64');
    assert.equal(image?.release, k.release);
    assert.match(image?.version ?? '', / Debian 6\.1\.170-3 /);
  });
});

describe('describeForeignImage: what a file is when kgap cannot boot it', () => {
  const riscvImage = new Uint8Array(64);
  riscvImage.set(new TextEncoder().encode('RISCV\0\0\0RSC\x05'), 48);
  const zImage = new Uint8Array(64);
  new DataView(zImage.buffer).setUint32(0x24, 0x016f2818, true);
  const zboot = new Uint8Array(64);
  zboot.set(new TextEncoder().encode('MZ\0\0zimg'));
  zboot.set(new TextEncoder().encode('zstd'), 0x18);
  const cases: [string, Uint8Array, RegExp | null][] = [
    ['an arm64 ELF vmlinux', elf(183), /^an arm64 ELF vmlinux \(QEMU boots the arm64 Image/],
    ['a RISC-V ELF', elf(243), /^an ELF file for RISC-V$/],
    [
      'a big-endian PowerPC ELF',
      (() => {
        const b = elf(0);
        b[5] = 2;
        b[19] = 21;
        return b;
      })(),
      /^an ELF file for PowerPC 64$/,
    ],
    ['a RISC-V Image', riscvImage, /^a RISC-V Image$/],
    ['an arm zImage', zImage, /^an arm \(32-bit\) zImage$/],
    ['an EFI zboot image', zboot, /^an EFI zboot image \(a zstd kernel inside an EFI application/],
    ['a gzip file of text', gzipSync('CONFIG_X86_64=y\n'), /^a gzip-compressed file that holds no kernel/],
    ['a text file', new TextEncoder().encode('CONFIG_X86_64=y\n'.repeat(10)), null],
  ];
  for (const [name, bytes, want] of cases) {
    it(name, () => {
      const got = describeForeignImage(bytes);
      if (want === null) assert.equal(got, null);
      else assert.match(got ?? '', want);
    });
  }
});
