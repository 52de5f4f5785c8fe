/**
 * Builds the initramfs (a newc cpio: busybox, the generated /init, optional modules and the user's added files)
 * and caches it by the hash of its content, so repeated boots with the same checks reuse one file. It is left
 * uncompressed: a gzip'd one booted no faster under TCG (alternating runs of the arm64 kernel: 1.9-2.6 s either
 * way, docs/performance.md), and gzip -9 on the host costs time again for every change of the added test files.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../data/write-atomic.js';
import { type CpioEntry, renderNewcCpio } from './newc-cpio.js';

/** A file for the initramfs (path relative to its root), or a symbolic link when it has a `target`. */
export type InitramfsFile =
  | { readonly path: string; readonly data: Uint8Array; readonly mode?: number }
  | { readonly path: string; readonly target: string };

/** Paths the initramfs itself needs: added files may not replace them. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set(['init', 'bin/busybox', 'dev/console']);
/** Directories /init uses as such: added files may add to them but not replace them with a file or link. */
export const BASE_DIRS: readonly string[] = ['bin', 'dev', 'proc', 'sys', 'tmp'];

/** Lays out the archive: busybox and /init, no applet links, so a failed /init cannot fall back to a shell. */
export function planInitramfs(input: {
  readonly busybox: Uint8Array;
  readonly initScript: string;
  readonly extraFiles: readonly InitramfsFile[];
}): CpioEntry[] {
  const dirs = new Set(BASE_DIRS);
  for (const f of input.extraFiles) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [
    ...[...dirs].sort().map((path): CpioEntry => ({ kind: 'dir', path })),
    { kind: 'char', path: 'dev/console', major: 5, minor: 1 },
    { kind: 'file', path: 'bin/busybox', data: input.busybox, mode: 0o755 },
    { kind: 'file', path: 'init', data: new TextEncoder().encode(input.initScript), mode: 0o755 },
    ...[...input.extraFiles]
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map(
        (f): CpioEntry =>
          'target' in f
            ? { kind: 'symlink', path: f.path, target: f.target }
            : { kind: 'file', path: f.path, data: f.data, ...(f.mode === undefined ? {} : { mode: f.mode }) },
      ),
  ];
}

/** Writes (or reuses) the initramfs in `cacheDir`; returns its path and whether it was already there. */
export async function writeInitramfs(options: {
  readonly busyboxPath: string;
  readonly initScript: string;
  readonly extraFiles: readonly InitramfsFile[];
  readonly cacheDir: string;
}): Promise<{ readonly path: string; readonly cached: boolean }> {
  const busybox = await readFile(options.busyboxPath);
  const cpio = renderNewcCpio(
    planInitramfs({ busybox, initScript: options.initScript, extraFiles: options.extraFiles }),
  );
  const hash = createHash('sha256').update(cpio).digest('hex');
  const path = join(options.cacheDir, `initramfs-${hash.slice(0, 32)}.cpio`);
  if ((await stat(path).catch(() => null))?.isFile()) return { path, cached: true };
  await writeFileAtomic(path, Buffer.from(cpio.buffer, cpio.byteOffset, cpio.byteLength));
  return { path, cached: false };
}
