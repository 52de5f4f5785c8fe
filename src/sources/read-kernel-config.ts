import { type KernelConfig, looksLikeKernelConfig, parseKernelConfig } from '../domain/kernel-config.js';
import { UserError } from '../domain/user-error.js';
import { gunzipBounded, isGzip, readBoundedBytes } from './io/read-bounded.js';

export { isGzip };

/**
 * Decodes `.config` bytes, plain or gzip (`/proc/config.gz`), and parses them. Throws a one-line UserError for
 * a gzip that does not decompress (or a `.gz` name on a file that is not gzip) and for text with no CONFIG_ line.
 */
export function decodeKernelConfig(bytes: Uint8Array, source: string): KernelConfig {
  let text: string;
  if (isGzip(bytes)) {
    // Under the input limit: a gzip bomb stops at KGAP_MAX_INPUT_BYTES instead of filling memory.
    const damaged = (reason: string) =>
      new UserError(
        `${source} looks gzip-compressed but does not decompress (${reason}); pass the plain .config or an intact config.gz`,
      );
    text = gunzipBounded(bytes, source, { field: 'config', damaged }).toString('utf8');
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

/** The raw bytes of a config file, under the input limit; a missing or unreadable file is a UserError. */
export async function readConfigBytes(path: string): Promise<Uint8Array> {
  return readBoundedBytes(path, { field: 'config' }).catch((e: NodeJS.ErrnoException) => {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot read kernel config ${path} (${e.code ?? e.message})`);
  });
}

/** Reads a kernel config file, plain or gzip-compressed. Missing or unreadable files are a UserError. */
export async function readKernelConfig(path: string): Promise<KernelConfig> {
  return decodeKernelConfig(await readConfigBytes(path), path);
}
