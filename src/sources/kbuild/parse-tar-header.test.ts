import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePaxRecords, parseTarHeader, safeMemberPath } from './parse-tar-header.js';

function header(name: string, size: number, type: string): Buffer {
  const b = Buffer.alloc(512);
  b.write(name, 0);
  b.write('0000644\0', 100);
  b.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  b.write(type, 156);
  b.write('ustar\0', 257);
  b.write('00', 263);
  b.fill(32, 148, 156);
  let sum = 0;
  for (const x of b) sum += x;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return b;
}

describe('tar headers', () => {
  it('reads name, size and kind; a bad checksum is null', () => {
    assert.deepEqual(parseTarHeader(header('a/Makefile', 1234, '0')), {
      name: 'a/Makefile',
      size: 1234,
      kind: 'file',
      type: '0',
      mode: 0o644,
    });
    assert.equal(parseTarHeader(header('a', 0, '2'))?.kind, 'other');
    assert.equal(parseTarHeader(header('d/', 0, '5'))?.kind, 'directory');
    const bad = header('a', 1, '0');
    bad[0] = 98;
    assert.equal(parseTarHeader(bad), null);
  });
  it('keeps names inside the extraction directory', () => {
    assert.equal(safeMemberPath('./linux/net//core/Makefile'), 'linux/net/core/Makefile');
    for (const bad of ['/etc/passwd', 'linux/../../x', '..', '', './']) assert.equal(safeMemberPath(bad), null, bad);
  });
  it('reads pax path and size records', () => {
    const rec = (k: string, v: string) => {
      const body = ` ${k}=${v}\n`;
      let n = body.length + 2;
      if (String(n).length + body.length !== n) n = String(n + 1).length + body.length;
      return `${n}${body}`;
    };
    assert.deepEqual(parsePaxRecords(Buffer.from(rec('path', 'x/y') + rec('size', '42') + rec('mtime', '1'))), {
      path: 'x/y',
      size: 42,
    });
  });
});
