import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCvssFile, scoreCvss3Vector } from './parse-cvss.js';

describe('scoreCvss3Vector (CVSS v3.1 base score)', () => {
  // Scores as published by the FIRST calculator and by the CNA's own records.
  const cases: [string, number | null][] = [
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:H', 8.2], // CVE-2025-21629
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H', 5.5],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
    ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', null],
    ['CVSS:2.0/AV:N', null],
    ['garbage', null],
  ];
  for (const [vector, score] of cases) {
    it(`${vector} -> ${score}`, () => assert.equal(scoreCvss3Vector(vector), score));
  }
});

describe('parseCvssFile', () => {
  it('reads the vector from the first line and rates it', () => {
    const c = parseCvssFile(
      'f4215fc3-5b6b-47ff-a258-f7189bd81038 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:H\n\nAV:N - ...',
    );
    assert.deepEqual(c, { score: 8.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:H', severity: 'high' });
  });
  it('null without a vector', () => assert.equal(parseCvssFile('no score here'), null));
});
