import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { InvalidInput } from '../../domain/invalid-input.js';
import { describeLimit, type LimitName } from '../../domain/limits.js';
import { limitOf } from './input-limits.js';

// zlib loads only when a gzip input is read: most runs (a warm `status`) read none.
const requireBuiltin = createRequire(import.meta.url);
const zlib = (): typeof import('node:zlib') => requireBuiltin('node:zlib');

/** How to read one input: the use-case field it came from (errors name it) and the limit that bounds it. */
export type BoundedRead = {
  readonly field: string;
  /** Defaults to `inputBytes` (KGAP_MAX_INPUT_BYTES). */
  readonly limit?: LimitName;
};

/** An input over its limit: exit 2 with the limit's name and variable. */
export function tooLarge(
  field: string,
  path: string,
  limit: LimitName,
  max: number,
  what = 'is larger than',
): InvalidInput {
  return new InvalidInput(
    field,
    `${path} ${what} ${describeLimit(limit, max)}; give a smaller input or raise the limit`,
  );
}

/**
 * Refuses what is not a file's bytes: a directory, a device (`/dev/zero` never ends, `/dev/tty` waits). Regular
 * files and pipes (`<(zcat config.gz)`, `/dev/stdin`) are read, both under the byte limit.
 */
function checkKind(st: Stats, field: string, path: string): void {
  if (st.isDirectory()) throw new InvalidInput(field, `${path} is a directory; give a file`);
  if (st.isCharacterDevice() || st.isBlockDevice() || st.isSocket()) {
    throw new InvalidInput(field, `${path} is a device or socket, not a file; give a file`);
  }
}

// A pipe is opened non-blocking (a FIFO nobody writes to must not hang kgap): "no data yet" is retried.
const AGAIN_MS = 5;

async function readAllBounded(handle: FileHandle, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
    const bytesRead = await handle.read(buffer, 0, buffer.length, null).then(
      (r) => r.bytesRead,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EAGAIN') return -1;
        throw error;
      },
    );
    if (bytesRead === -1) {
      await new Promise((resolve) => setTimeout(resolve, AGAIN_MS));
      continue;
    }
    if (bytesRead === 0) break;
    chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > max) return null;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads an input file's bytes under a limit: never more than the limit plus one byte is read, whatever the file
 * claims (a pipe or `/proc` file has no size). Errors of the file system (ENOENT, EACCES) are thrown as they are,
 * for the caller to word; a device, a directory or an input over the limit is an InvalidInput naming `field`.
 */
export async function readBoundedBytes(path: string, options: BoundedRead): Promise<Buffer> {
  const limit = options.limit ?? 'inputBytes';
  const max = limitOf(limit);
  // Checked before opening: opening a device can itself have effects or wait (a tty, a tape).
  const before = await stat(path);
  checkKind(before, options.field, path);
  const flags = constants.O_RDONLY | constants.O_NOCTTY | (before.isFIFO() ? constants.O_NONBLOCK : 0);
  const handle = await open(path, flags);
  try {
    const st = await handle.stat();
    checkKind(st, options.field, path);
    if (st.isFile() && st.size > max) throw tooLarge(options.field, path, limit, max);
    const bytes = await readAllBounded(handle, max);
    if (bytes === null) throw tooLarge(options.field, path, limit, max);
    return bytes;
  } finally {
    await handle.close();
  }
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip under a limit: zlib stops at the limit (a 1 KB bomb cannot grow to gigabytes in memory).
 * Damaged data is an InvalidInput naming `field`.
 */
export function gunzipBounded(
  bytes: Uint8Array,
  path: string,
  options: BoundedRead & { readonly damaged?: (reason: string) => Error },
): Buffer {
  const limit = options.limit ?? 'inputBytes';
  const max = limitOf(limit);
  try {
    return zlib().gunzipSync(bytes, { maxOutputLength: max });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(options.field, path, limit, max, 'decompresses to more than');
    }
    const reason = (error as Error).message;
    throw options.damaged?.(reason) ?? new InvalidInput(options.field, `${path} is a damaged gzip file (${reason})`);
  }
}

/** Reads an input as UTF-8 text under the limit; gzip (by its magic bytes) is decompressed under the same limit. */
export async function readBoundedText(
  path: string,
  options: BoundedRead & { readonly gzip?: boolean },
): Promise<string> {
  const bytes = await readBoundedBytes(path, options);
  return (options.gzip && isGzip(bytes) ? gunzipBounded(bytes, path, options) : bytes).toString('utf8');
}
