import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { type DebianChangelog, parseDebianChangelog } from './parse-debian-changelog.js';

/** Reads a Debian changelog, plain or gzip-compressed (`changelog.Debian.gz`, detected by its magic bytes). */
export async function readChangelog(path: string): Promise<DebianChangelog> {
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new InvalidInput('changelog', `${path}: cannot read it (${e.code ?? e.message})`);
  });
  let data: Buffer = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      data = gunzipSync(bytes);
    } catch (error) {
      throw new UserError(`${path} is a damaged gzip file (${(error as Error).message})`);
    }
  }
  return parseDebianChangelog(data.toString('utf8'), path);
}
