import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makefileUpstream, parseKernelMakefile } from './kernel-makefile.js';

const mk = (v: string, p: string, s: string, e = '') =>
  `# SPDX-License-Identifier: GPL-2.0\nVERSION = ${v}\nPATCHLEVEL = ${p}\nSUBLEVEL = ${s}\nEXTRAVERSION =${e ? ` ${e}` : ''}\nNAME = Hurr durr I'ma ninja sloth\n`;

describe('parseKernelMakefile', () => {
  const cases: [string, string, string | null, string | null][] = [
    // name, Makefile text, text as written, upstream version
    ['stable release', mk('6', '1', '120'), '6.1.120', '6.1.120'],
    ['mainline release', mk('6', '13', '0'), '6.13.0', '6.13'],
    ['mainline rc', mk('6', '13', '0', '-rc3'), '6.13.0-rc3', '6.13-rc3'],
    [
      'vendor extraversion is dropped from the upstream version',
      mk('5', '15', '94', '-android14'),
      '5.15.94-android14',
      '5.15.94',
    ],
    ['2.6 stable in EXTRAVERSION', mk('2', '6', '32', '.70'), '2.6.32.70', '2.6.32.70'],
    ['not a kernel Makefile', 'all:\n\techo hi\n', null, null],
  ];
  for (const [name, text, written, upstream] of cases) {
    it(name, () => {
      const m = parseKernelMakefile(text);
      assert.equal(m?.text ?? null, written);
      assert.equal(makefileUpstream(m), upstream);
    });
  }
});
