import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { readBoundedText } from '../io/read-bounded.js';
import { type DebianChangelog, parseDebianChangelog } from './parse-debian-changelog.js';

/** Reads a Debian changelog, plain or gzip-compressed (`changelog.Debian.gz`, detected by its magic bytes). */
export async function readChangelog(path: string): Promise<DebianChangelog> {
  // Bounded, compressed or not (a changelog of /dev/zero, a gzip bomb): docs/security.md, "Limits".
  const text = await readBoundedText(path, { field: 'changelog', gzip: true }).catch((e: NodeJS.ErrnoException) => {
    if (e instanceof UserError) throw e;
    throw new InvalidInput('changelog', `${path}: cannot read it (${e.code ?? e.message})`);
  });
  return parseDebianChangelog(text, path);
}
