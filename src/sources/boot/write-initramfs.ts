/**
 * Builds the initramfs (gzip'd newc cpio: busybox, the generated /init, optional modules) and caches it by the
 * hash of its uncompressed content, so repeated boots with the same checks reuse one file.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeFileAtomic } from '../data/write-atomic.js';
import { type CpioEntry, renderNewcCpio } from './newc-cpio.js';

export type InitramfsFile = { readonly path: string; readonly data: Uint8Array };

/** Lays out the archive: only busybox and /init, no applet links, so a failed /init cannot fall back to a shell. */
export function planInitramfs(input: {
  readonly busybox: Uint8Array;
  readonly initScript: string;
  readonly extraFiles: readonly InitramfsFile[];
}): CpioEntry[] {
  const dirs = new Set(['bin', 'dev', 'proc', 'sys', 'tmp']);
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
      .map((f): CpioEntry => ({ kind: 'file', path: f.path, data: f.data })),
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
  const path = join(options.cacheDir, `initramfs-${hash.slice(0, 32)}.cpio.gz`);
  if ((await stat(path).catch(() => null))?.isFile()) return { path, cached: true };
  await writeFileAtomic(path, gzipSync(cpio, { level: 9 }));
  return { path, cached: false };
}
