import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConflictMarkers } from './parse-conflict-markers.js';
import { parseMergeTree } from './parse-merge-tree.js';

// Output of git 2.39 `git merge-tree --write-tree --stdin` (one merge each), captured from a generated tree.
const CLEAN = '1\u0000f882e18488ae489864630ef63167daa3336d623e\u0000\u0000';
const CONTENT =
  '0\u00005c2a077ae498de17cda69df454927fef4b12f8c1\u0000' +
  '100644 5371178a8982f34cd91dc4cf66e99535a66cd010 1\tkernel/trace/ring_buffer.c\u0000' +
  '100644 ce6e3b838a31415a9dff1447ed58b4988b59751b 2\tkernel/trace/ring_buffer.c\u0000' +
  '100644 408b72919ddfc901f20c1afbfc453359233ad286 3\tkernel/trace/ring_buffer.c\u0000\u0000' +
  '1\u0000kernel/trace/ring_buffer.c\u0000Auto-merging\u0000Auto-merging kernel/trace/ring_buffer.c\n\u0000' +
  '1\u0000kernel/trace/ring_buffer.c\u0000CONFLICT (contents)\u0000CONFLICT (content): Merge conflict in kernel/trace/ring_buffer.c\n\u0000\u0000';
const ADD_ADD =
  '0\u000001b2284dd2ebe47748e4b9d474abb4aea250fa62\u0000' +
  '100644 76c29f33f6c14f4a8ca7f7b17806de884666b462 2\tdrivers/x/kgap-4067f4fa0423.c\u0000' +
  '100644 595d21afdc414f848b20221b8640a35c786bd91f 3\tdrivers/x/kgap-4067f4fa0423.c\u0000\u0000' +
  '1\u0000drivers/x/kgap-4067f4fa0423.c\u0000CONFLICT (contents)\u0000CONFLICT (add/add): Merge conflict in drivers/x/kgap-4067f4fa0423.c\n\u0000\u0000';

describe('parseMergeTree', () => {
  it('a clean merge: the tree, no conflicts', () => {
    assert.deepEqual(parseMergeTree(CLEAN), {
      clean: true,
      tree: 'f882e18488ae489864630ef63167daa3336d623e',
      conflicts: [],
      types: new Map(),
    });
  });
  it('a content conflict: the stages and the conflict type (not the Auto-merging note)', () => {
    const r = parseMergeTree(CONTENT);
    assert.equal(r.clean, false);
    assert.deepEqual(r.conflicts, [{ path: 'kernel/trace/ring_buffer.c', stages: [1, 2, 3] }]);
    assert.equal(r.types.get('kernel/trace/ring_buffer.c'), 'CONFLICT (contents)');
  });
  it('an add/add conflict has no base stage', () => {
    assert.deepEqual(parseMergeTree(ADD_ADD).conflicts, [{ path: 'drivers/x/kgap-4067f4fa0423.c', stages: [2, 3] }]);
  });
  it('refuses output it does not know', () => {
    assert.throws(() => parseMergeTree('2\u0000abc\u0000\u0000'), /unexpected status/);
    assert.throws(() => parseMergeTree('0\u0000abc\u0000garbage\u0000'), /unexpected conflict entry/);
    assert.throws(() => parseMergeTree('0\u0000abc'), /unexpected end/);
  });
});

describe('parseConflictMarkers', () => {
  it("finds each region from <<<<<<< to >>>>>>>, 1-based, with the target's and the base's sides", () => {
    const text = ['a', '<<<<<<< ours', 'x', '=======', 'y', '>>>>>>> theirs', 'b', '<<<<<<< o', 'z'].join('\n');
    assert.deepEqual(parseConflictMarkers(text), [
      { start: 2, end: 6, ours: ['x'], base: [] },
      { start: 8, end: 9, ours: ['z'], base: [] },
    ]);
    const diff3 = [
      '<<<<<<< c4213e4',
      '\treturn f(x | 0x1bc4);',
      '||||||| a703dca',
      '\treturn f(x | 0x884);',
      '=======',
      '\treturn q(x);',
      '>>>>>>> a52a71b',
    ];
    assert.deepEqual(parseConflictMarkers(diff3.join('\n')), [
      { start: 1, end: 7, ours: ['\treturn f(x | 0x1bc4);'], base: ['\treturn f(x | 0x884);'] },
    ]);
    assert.deepEqual(parseConflictMarkers('no markers\n<<<<<<<not a marker\n'), []);
  });
});
