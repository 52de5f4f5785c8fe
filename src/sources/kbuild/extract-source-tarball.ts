import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** True for the archive names `--source` accepts (a tar of a kernel tree, as in shared/data/source). */
export function isSourceTarball(path: string): boolean {
  return /\.(tar|tar\.xz|txz|tar\.gz|tgz|tar\.bz2|tar\.zst)$/.test(path);
}

/**
 * Extracts a source tarball once under `cacheDir/kbuild-src/`, keyed by path, size and mtime; returns the tree's
 * root (the archive's single top directory, or the extraction directory). `tar` runs without a shell.
 */
export async function extractSourceTarball(
  tarball: string,
  cacheDir: string,
  progress?: ((message: string) => void) | null,
): Promise<string> {
  const st = await stat(tarball);
  const real = await realpath(tarball); // `../x.tar.xz` and `/abs/x.tar.xz` share one extraction
  const key = createHash('sha256').update(`${real}\0${st.size}\0${st.mtimeMs}`).digest('hex').slice(0, 16);
  const dest = join(cacheDir, 'kbuild-src', `${basename(tarball).replace(/\W+/g, '-')}-${key}`);
  const done = await stat(dest).then(
    () => true,
    () => false,
  );
  if (!done) {
    progress?.(`kbuild: extracting ${tarball} (once)`);
    const tmp = `${dest}.tmp-${process.pid}-${Date.now()}`;
    await mkdir(tmp, { recursive: true });
    try {
      await runTar(['-xf', tarball, '-C', tmp, '--no-same-owner', '--no-same-permissions']);
      await rename(tmp, dest).catch(async (error: NodeJS.ErrnoException) => {
        // Another process finished first: theirs is as good as ours.
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
        await rm(tmp, { recursive: true, force: true });
      });
    } catch (error) {
      await rm(tmp, { recursive: true, force: true });
      throw error;
    }
  }
  const entries = await readdir(dest, { withFileTypes: true });
  const only = entries.length === 1 ? entries[0] : undefined;
  return only?.isDirectory() ? join(dest, only.name) : dest;
}

function runTar(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`tar failed (exit ${code}): ${(err.trim().split('\n')[0] ?? '').slice(0, 200)}`));
    });
  });
}
