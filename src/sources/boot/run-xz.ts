import { spawn } from 'node:child_process';

/**
 * Decompresses one XZ stream with the `xz` CLI (no shell). `--single-stream` makes xz stop at the end of the
 * first stream: a bzImage appends the kernel's size after it, which xz would otherwise reject as garbage.
 */
export function runXzDecompress(input: Uint8Array, xz: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(xz, ['-dc', '--single-stream'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`xz exited ${code}: ${err.trim()}`)),
    );
    child.stdin.on('error', () => {}); // xz may exit early on corrupt input; the close handler reports it
    child.stdin.end(input);
  });
}
