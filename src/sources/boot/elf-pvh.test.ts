import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasPvhNote } from './elf-pvh.js';

/** An ELF64 header with one PT_NOTE program header over one note of the given owner and type. */
function elfWithNote(owner: string, type: number): Uint8Array {
  const name = new TextEncoder().encode(`${owner}\0`);
  const namePadded = Math.ceil(name.length / 4) * 4;
  const noteSize = 12 + namePadded + 8;
  const b = new Uint8Array(64 + 56 + noteSize);
  const v = new DataView(b.buffer);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1]);
  v.setBigUint64(32, 64n, true); // e_phoff
  v.setUint16(54, 56, true); // e_phentsize
  v.setUint16(56, 1, true); // e_phnum
  v.setUint32(64, 4, true); // p_type PT_NOTE
  v.setBigUint64(64 + 8, 120n, true); // p_offset
  v.setBigUint64(64 + 32, BigInt(noteSize), true); // p_filesz
  v.setUint32(120, name.length, true);
  v.setUint32(124, 8, true);
  v.setUint32(128, type, true);
  b.set(name, 132);
  return b;
}

describe('hasPvhNote', () => {
  const cases = [
    { name: 'Xen PHYS32_ENTRY note', input: elfWithNote('Xen', 18), want: true },
    { name: 'Xen note of another type', input: elfWithNote('Xen', 5), want: false },
    { name: 'GNU build-id note', input: elfWithNote('GNU', 18), want: false },
    { name: 'not an ELF', input: new Uint8Array(200), want: false },
    { name: 'truncated', input: elfWithNote('Xen', 18).subarray(0, 100), want: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(hasPvhNote(c.input), c.want));
});
