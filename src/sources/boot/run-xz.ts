import { spawn } from 'node:child_process';
import { describeLimit } from '../../domain/limits.js';
import { limitOf } from '../io/input-limits.js';

/**
 * Decompresses one XZ stream with the `xz` CLI (no shell). `--single-stream` makes xz stop at the end of the
 * first stream: a bzImage appends the kernel's size after it, which xz would otherwise reject as garbage.
 */
export function runXzDecompress(input: Uint8Array, xz: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(xz, ['-dc', '--single-stream'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    // An XZ bomb stops at the kernel image limit: xz is killed, nothing more is held.
    const max = limitOf('kernelImageBytes');
    let size = 0;
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        err = `decompresses to more than ${describeLimit('kernelImageBytes', max)}`;
        child.kill('SIGKILL');
      } else out.push(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < 4096) err += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 && size <= max ? resolve(Buffer.concat(out)) : reject(new Error(`xz exited ${code}: ${err.trim()}`)),
    );
    child.stdin.on('error', () => {}); // xz may exit early on corrupt input; the close handler reports it
    child.stdin.end(input);
  });
}
