import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elf } from './kernel-image.test-helper.js';
import { busyboxProblem } from './read-boot-tools.js';

/** An ELF64 header with one program header of type `type` (3 = PT_INTERP: dynamically linked). */
function program(machine: number, type: number): Uint8Array {
  const b = new Uint8Array(64 + 56);
  b.set(elf(machine));
  const v = new DataView(b.buffer);
  v.setBigUint64(32, 64n, true); // e_phoff
  v.setUint16(54, 56, true); // e_phentsize
  v.setUint16(56, 1, true); // e_phnum
  v.setUint32(64, type, true);
  return b;
}

describe('busyboxProblem: can this busybox run in the initramfs of that architecture?', () => {
  const cases: [string, Uint8Array, 'x86_64' | 'arm64', RegExp | null][] = [
    ['static x86-64 for x86-64', program(62, 1), 'x86_64', null],
    ['static arm64 for arm64', program(183, 1), 'arm64', null],
    [
      'x86-64 for arm64',
      program(62, 1),
      'arm64',
      /^is built for x86-64 and the kernel is arm64: give a static arm64 busybox \(dpkg --add-architecture arm64 && .*apt-get download busybox-static:arm64 && dpkg-deb -x busybox-static_\*_arm64\.deb \/opt\/kgap\/arm64\)$/,
    ],
    ['dynamic arm64', program(183, 3), 'arm64', /^is dynamically linked and cannot run in the initramfs/],
    ['a script', new TextEncoder().encode('#!/bin/sh\n'), 'x86_64', /^is not an ELF program$/],
  ];
  for (const [name, bytes, arch, want] of cases) {
    it(name, () => {
      const got = busyboxProblem(bytes, arch);
      if (want === null) assert.equal(got, null);
      else assert.match(got ?? '', want);
    });
  }
});
