import { limitOf } from '../io/input-limits.js';
import type { GitLocation } from './run-git.js';
import { GitError, spawnGit } from './run-git.js';

/**
 * Reads many blobs through one `git cat-file --batch` process: one process for all objects, not one per file.
 * `onBlob` receives each object's id and content in request order; missing objects, and objects larger than
 * `KGAP_MAX_RECORD_BYTES` (passed over without being held in memory), get `null`.
 */
export function readBlobs(
  where: GitLocation,
  oids: readonly string[],
  onBlob: (oid: string, content: Buffer | null) => void,
): Promise<void> {
  const max = limitOf('recordBytes');
  return new Promise((resolve, reject) => {
    const child = spawnGit(where, ['cat-file', '--batch'], 'pipe');
    let buf: Buffer = Buffer.alloc(0);
    let expecting: { oid: string; size: number } | null = null;
    // Bytes of an over-limit object still to pass over (plus its trailing newline).
    let skipping = 0;
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      for (;;) {
        if (skipping > 0) {
          const n = Math.min(skipping, buf.length);
          skipping -= n;
          buf = buf.subarray(n);
          if (skipping > 0) break;
        }
        if (expecting === null) {
          const nl = buf.indexOf(10);
          if (nl === -1) break;
          const header = buf.subarray(0, nl).toString('latin1');
          buf = buf.subarray(nl + 1);
          const parts = header.split(' ');
          if (parts[1] === 'missing') {
            onBlob(parts[0] ?? '', null);
            continue;
          }
          const size = Number(parts[2]);
          if (!(size <= max)) {
            onBlob(parts[0] ?? '', null);
            skipping = (Number.isFinite(size) ? size : 0) + 1;
            continue;
          }
          expecting = { oid: parts[0] ?? '', size };
        }
        if (buf.length < expecting.size + 1) break;
        onBlob(expecting.oid, buf.subarray(0, expecting.size));
        buf = buf.subarray(expecting.size + 1);
        expecting = null;
      }
    });
    child.stderr?.on('data', (b: Buffer) => {
      if (err.length < 64) err.push(b);
    });
    child.on('error', (e) => reject(new GitError(['cat-file'], null, `cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new GitError(['cat-file', '--batch'], code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(oids.length ? `${oids.join('\n')}\n` : '');
  });
}
