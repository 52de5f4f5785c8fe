/**
 * Test results sent to `kgap serve` (`POST /api/v1/products/{name}/gates`), written where the gate reads results
 * from: a private directory (0700, `mkdtemp`) under the server's temporary directory, one subdirectory per side,
 * each file (0600) under the relative name it was sent with, so that `run1/kunit.ktap` and `run2/kunit.ktap` stay
 * two runs. The API checks the names at the border; a name that would leave its side's directory is refused here
 * as well. The caller removes the directory when the gate has read it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { InvalidInput } from '../../domain/invalid-input.js';

/** Files by relative name (`run1/kunit.ktap`), with their text. */
export type UploadedFiles = Readonly<Record<string, string>>;

export type UploadStaging = {
  /** Writes `files` into a directory of their own and returns it; bad names are an `InvalidInput` naming `field`. */
  readonly writeFiles: (field: string, files: UploadedFiles) => Promise<string>;
  /** Writes one file and returns its path. */
  readonly writeText: (field: string, text: string) => Promise<string>;
  /** Removes everything written. */
  readonly remove: () => Promise<void>;
};

/** A fresh staging directory under `tmpDir`. */
export async function openUploadStaging(tmpDir: string): Promise<UploadStaging> {
  const root = await mkdtemp(join(tmpDir, 'kgap-upload-'));
  const write = (path: string, text: string) => writeFile(path, text, { flag: 'wx', mode: 0o600 });
  return {
    async writeFiles(field, files) {
      const dir = join(root, field);
      await mkdir(dir, { mode: 0o700 });
      for (const [name, text] of Object.entries(files)) {
        const path = resolve(dir, name);
        if (!path.startsWith(dir + sep))
          throw new InvalidInput(field, `${name}: a file name must stay inside its side`);
        try {
          await mkdir(dirname(path), { recursive: true, mode: 0o700 });
          await write(path, text);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EISDIR') throw e;
          throw new InvalidInput(
            field,
            `${name}: clashes with another file sent (one is named as the other's directory)`,
          );
        }
      }
      return dir;
    },
    async writeText(field, text) {
      const path = join(root, field);
      await write(path, text);
      return path;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
