import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { type KernelConfig, looksLikeKernelConfig, parseKernelConfig } from '../domain/kernel-config.js';
import { UserError } from '../domain/user-error.js';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/**
 * Decodes `.config` bytes, plain or gzip (`/proc/config.gz`), and parses them. Throws a one-line UserError for
 * a gzip that does not decompress (or a `.gz` name on a file that is not gzip) and for text with no CONFIG_ line.
 */
export function decodeKernelConfig(bytes: Uint8Array, source: string): KernelConfig {
  let text: string;
  if (isGzip(bytes)) {
    try {
      text = gunzipSync(bytes).toString('utf8');
    } catch (error) {
      throw new UserError(
        `${source} looks gzip-compressed but does not decompress (${(error as Error).message}); pass the plain .config or an intact config.gz`,
      );
    }
  } else if (source.endsWith('.gz')) {
    throw new UserError(`${source} is named .gz but is not gzip data; pass the plain .config or an intact config.gz`);
  } else {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  const config = parseKernelConfig(text, { source });
  if (!looksLikeKernelConfig(config)) {
    throw new UserError(`${source} is not a kernel config (no CONFIG_ settings); pass a .config or /proc/config.gz`);
  }
  return config;
}

/** The raw bytes of a config file; a missing or unreadable file is a UserError. */
export async function readConfigBytes(path: string): Promise<Uint8Array> {
  return readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read kernel config ${path} (${e.code ?? e.message})`);
  });
}

/** Reads a kernel config file, plain or gzip-compressed. Missing or unreadable files are a UserError. */
export async function readKernelConfig(path: string): Promise<KernelConfig> {
  return decodeKernelConfig(await readConfigBytes(path), path);
}
