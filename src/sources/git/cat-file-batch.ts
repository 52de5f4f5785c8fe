import { spawn } from 'node:child_process';
import type { GitLocation } from './run-git.js';
import { GitError } from './run-git.js';

/**
 * Reads many blobs through one `git cat-file --batch` process: one process for all objects, not one per file.
 * `onBlob` receives each object's id and content in request order; missing objects get `null`.
 */
export function readBlobs(
  where: GitLocation,
  oids: readonly string[],
  onBlob: (oid: string, content: Buffer | null) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = where.gitDir ? [`--git-dir=${where.gitDir}`, 'cat-file', '--batch'] : ['cat-file', '--batch'];
    const child = spawn('git', args, { cwd: where.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let buf: Buffer = Buffer.alloc(0);
    let expecting: { oid: string; size: number } | null = null;
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      for (;;) {
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
          expecting = { oid: parts[0] ?? '', size: Number(parts[2]) };
        }
        if (buf.length < expecting.size + 1) break;
        onBlob(expecting.oid, buf.subarray(0, expecting.size));
        buf = buf.subarray(expecting.size + 1);
        expecting = null;
      }
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new GitError(['cat-file'], null, `cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new GitError(['cat-file', '--batch'], code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(oids.length ? `${oids.join('\n')}\n` : '');
  });
}
