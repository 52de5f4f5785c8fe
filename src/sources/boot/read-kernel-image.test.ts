import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InvalidInput } from '../../domain/invalid-input.js';
import { arm64Image, elf } from './kernel-image.test-helper.js';
import { readKernelImage } from './read-kernel-image.js';

const dir = mkdtempSync(join(tmpdir(), 'kgap-image-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('readKernelImage', () => {
  it('an Image.gz is an arm64 Image, gzip-compressed, with the release of the banner inside', async () => {
    const { image } = await readKernelImage(file('Image.gz', gzipSync(arm64Image())));
    assert.deepEqual(image, {
      kind: 'Image',
      arch: 'arm64',
      release: '6.1.0-47-arm64',
      version: '6.1.0-47-arm64 (x@y) #1 SMP Debian 6.1.170-3',
      compressed: 'gzip',
    });
  });

  const refused: [string, Uint8Array, RegExp][] = [
    ['riscv.elf', elf(243), /riscv\.elf is an ELF file for RISC-V, not a kernel kgap boots; pass an x86-64 bzImage/],
    ['notes.txt', new TextEncoder().encode('hello\n'), /notes\.txt is not a kernel image of a known architecture/],
  ];
  for (const [name, bytes, problem] of refused) {
    it(`${name}: an InvalidInput naming the field and saying what the file is`, async () => {
      await assert.rejects(readKernelImage(file(name, bytes), 'candidateKernel'), (e) => {
        assert.ok(e instanceof InvalidInput);
        assert.equal(e.field, 'candidateKernel');
        assert.match(e.problem, problem);
        return true;
      });
    });
  }
});
