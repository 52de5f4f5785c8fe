import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../../domain/invalid-input.js';
import { describeLimit } from '../../domain/limits.js';
import { writeFileAtomic } from '../data/write-atomic.js';
import { limitOf } from '../io/input-limits.js';
import { safeMemberPath } from './parse-tar-header.js';
import { ChunkReader, readTarMembers, TarFormatError } from './read-tar-members.js';

/** True for the archive names `--source` accepts (a tar of a kernel tree, as in shared/data/source). */
export function isSourceTarball(path: string): boolean {
  return /\.(tar|tar\.xz|txz|tar\.gz|tgz|tar\.bz2|tar\.zst)$/.test(path);
}

/** An extracted tree: its root, and the members that were not extracted (links, devices, FIFOs, unsafe names). */
export type ExtractedSource = { readonly root: string; readonly skipped: readonly string[] };

// Decompressors by magic bytes (not by name: a renamed file is still read right). Run without a shell; their
// output is read only as far as the limits allow, then they are killed.
const DECOMPRESSORS: readonly { magic: readonly number[]; program: string }[] = [
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], program: 'xz' },
  { magic: [0x42, 0x5a, 0x68], program: 'bzip2' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], program: 'zstd' },
];

async function openDecompressed(tarball: string): Promise<{ stream: Readable; child: ChildProcess | null }> {
  const handle = await open(tarball, 'r');
  const head = Buffer.alloc(6);
  await handle.read(head, 0, 6, 0).finally(() => handle.close());
  const starts = (magic: readonly number[]) => magic.every((b, i) => head[i] === b);
  if (starts([0x1f, 0x8b])) return { stream: createReadStream(tarball).pipe(createGunzip()), child: null };
  const tool = DECOMPRESSORS.find((d) => starts(d.magic));
  if (!tool) return { stream: createReadStream(tarball), child: null };
  const input = await open(tarball, 'r');
  try {
    // The child gets its own copy of the descriptor at spawn.
    const child = spawn(tool.program, ['-dc'], { stdio: [input.fd, 'pipe', 'ignore'] });
    return { stream: child.stdout as Readable, child };
  } finally {
    await input.close();
  }
}

// Members up to this size are read whole and written at once; larger ones are streamed.
const SMALL_FILE = 1 << 20;

function refuse(tarball: string, why: string): UserError {
  return new UserError(`cannot extract ${tarball}: ${why}`);
}

/**
 * Extracts regular files and directories only: symlinks, hard links, devices and FIFOs are skipped (a link could
 * point at a host file, a device or FIFO could make a reader hang or read forever), as are names that would land
 * outside the directory. The bytes and members of the archive are capped; over a cap, extraction stops.
 */
async function extractInto(tarball: string, dir: string): Promise<string[]> {
  const maxBytes = limitOf('sourceBytes');
  const maxEntries = limitOf('sourceEntries');
  const skipped: string[] = [];
  const made = new Set<string>([dir]);
  const { stream, child } = await openDecompressed(tarball);
  const spawnFailed = new Promise<never>((_, reject) => {
    child?.on('error', (e) => reject(refuse(tarball, `cannot run ${child.spawnfile} to decompress it (${e.message})`)));
  });
  spawnFailed.catch(() => undefined);
  let bytes = 0;
  let entries = 0;
  try {
    const reader = new ChunkReader(stream[Symbol.asyncIterator]());
    for await (const member of readTarMembers(reader)) {
      if (++entries > maxEntries)
        throw refuse(tarball, `has more members than ${describeLimit('sourceEntries', maxEntries)}`);
      bytes += member.size;
      if (bytes > maxBytes) throw refuse(tarball, `holds more than ${describeLimit('sourceBytes', maxBytes)}`);
      const rel = safeMemberPath(member.name);
      if (rel === null || (member.kind !== 'file' && member.kind !== 'directory')) {
        if (skipped.length < 1000)
          skipped.push(`${member.name} (${rel === null ? 'unsafe name' : `type ${JSON.stringify(member.type)}`})`);
        continue;
      }
      const path = join(dir, rel);
      // Synchronous directory and small-file writes: thousands of tiny Kbuild files, the thread pool would dominate.
      if (member.kind === 'directory') {
        mkdirSync(path, { recursive: true });
        made.add(path);
        continue;
      }
      const parent = dirname(path);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      const mode = member.mode & 0o111 ? 0o755 : 0o644;
      if (member.size <= SMALL_FILE) {
        const data = await Promise.race([member.bytes(), spawnFailed]);
        if (data === null) throw refuse(tarball, 'the archive is cut off (truncated or damaged)');
        writeFileSync(path, data, { mode });
        continue;
      }
      const out = await open(path, 'w', mode);
      try {
        if (!(await Promise.race([member.data((piece) => out.write(piece).then(() => undefined)), spawnFailed]))) {
          throw refuse(tarball, 'the archive is cut off (truncated or damaged)');
        }
      } finally {
        await out.close();
      }
    }
  } catch (error) {
    if (error instanceof TarFormatError)
      throw refuse(tarball, `${error.message}; give an intact .tar(.xz|.gz|.bz2|.zst)`);
    throw error;
  } finally {
    child?.kill('SIGKILL');
    stream.destroy();
  }
  return skipped;
}

/**
 * Extracts a source tarball once under `cacheDir/kbuild-src/`, keyed by path, size and mtime; returns the tree's
 * root (the archive's single top directory, or the extraction directory). A failed or refused extraction leaves
 * nothing behind.
 */
export async function extractSourceTarball(
  tarball: string,
  cacheDir: string,
  progress?: ((message: string) => void) | null,
): Promise<ExtractedSource> {
  const st = await stat(tarball);
  const real = await realpath(tarball); // `../x.tar.xz` and `/abs/x.tar.xz` share one extraction
  const key = createHash('sha256').update(`${real}\0${st.size}\0${st.mtimeMs}`).digest('hex').slice(0, 16);
  const dest = join(cacheDir, 'kbuild-src', `${basename(tarball).replace(/\W+/g, '-')}-${key}`);
  const skippedFile = `${dest}.skipped.json`;
  const done = await stat(dest).then(
    () => true,
    () => false,
  );
  if (!done) {
    progress?.(`kbuild: extracting ${tarball} (once)`);
    const tmp = `${dest}.tmp-${process.pid}-${Date.now()}`;
    await mkdir(tmp, { recursive: true });
    try {
      const skipped = await extractInto(tarball, tmp);
      await writeFileAtomic(skippedFile, JSON.stringify(skipped));
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
  const skipped = await readFile(skippedFile, 'utf8')
    .then((t) => JSON.parse(t) as string[])
    .catch(() => []);
  const entries = await readdir(dest, { withFileTypes: true });
  const only = entries.length === 1 ? entries[0] : undefined;
  return { root: only?.isDirectory() ? join(dest, only.name) : dest, skipped: Array.isArray(skipped) ? skipped : [] };
}
