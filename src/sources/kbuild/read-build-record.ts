import { existsSync, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildRecord } from '../../domain/build-record.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { limitOf } from '../io/input-limits.js';
import { assembleBuildRecord } from './assemble-build-record.js';
import { extractSourceTarball, isSourceTarball } from './extract-source-tarball.js';
import { type KbuildCmd, parseKbuildCmd } from './parse-kbuild-cmd.js';
import { readTreeFileSync } from './read-tree-file.js';
import { walkSourceTree } from './walk-source-tree.js';

export type ReadBuildRecordOptions = {
  /** Where a tarball is extracted once; defaults to the OS temp directory. */
  readonly cacheDir?: string | null;
  readonly progress?: ((message: string) => void) | null;
};

const CMD_RE = /(^|\/)\.[^/]+\.cmd$/;

/**
 * Reads Kbuild's record of a build (a build directory, or a tarball of its `.cmd` files, `.config`,
 * `modules.order` and `modules.builtin`). The field is `buildDir` in errors.
 */
export async function readBuildRecord(path: string, options: ReadBuildRecordOptions = {}): Promise<BuildRecord> {
  const st = await stat(path).catch(() => null);
  if (st === null) throw new InvalidInput('buildDir', `${path} does not exist`);
  let root = path;
  const problems: string[] = [];
  if (st.isFile()) {
    if (!isSourceTarball(path)) {
      throw new InvalidInput('buildDir', `${path} is a file; give the kernel build directory or a .tar(.xz|.gz) of it`);
    }
    const extracted = await extractSourceTarball(
      path,
      options.cacheDir ?? join(tmpdir(), 'kgap-cache'),
      options.progress,
    ).catch((error: unknown) => {
      if (error instanceof UserError) throw error;
      throw new UserError(`cannot extract ${path}: ${error instanceof Error ? error.message : String(error)}`);
    });
    root = extracted.root;
    if (extracted.skipped.length > 0)
      problems.push(`${path}: ${extracted.skipped.length} members are not regular files and were not extracted`);
  } else if (!st.isDirectory()) {
    throw new InvalidInput('buildDir', `${path} is neither a directory nor a tarball`);
  }
  // readTreeFileSync compares real paths: the root must be one too.
  root = realpathSync.native(root);
  const listing = walkSourceTree(root);
  const cmds: KbuildCmd[] = [];
  problems.push(...listing.problems);
  for (const name of listing.files) {
    if (!CMD_RE.test(name)) continue;
    // Only regular files inside the record (read-tree-file.ts): a link out of it is not followed.
    const read = readTreeFileSync(root, name, limitOf('kbuildFileBytes'));
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const cmd = parseKbuildCmd(read.text);
    if (cmd !== null) cmds.push(cmd);
  }
  if (cmds.length === 0) {
    throw new InvalidInput(
      'buildDir',
      `${path} holds no Kbuild .cmd files with source_/deps_ lines: give the directory the kernel was built in`,
    );
  }
  const lines = async (name: string): Promise<string[] | null> => {
    const read = readTreeFileSync(root, name, limitOf('inputBytes'));
    return read.ok ? read.text.split('\n').filter((l) => l.trim() !== '') : null;
  };
  return assembleBuildRecord({
    source: path,
    cmds,
    modulesOrder: await lines('modules.order'),
    modulesBuiltin: (await lines('modules.builtin')) ?? [],
    config: existsSync(join(root, '.config')) ? join(root, '.config') : null,
    linkedVmlinux: existsSync(join(root, '.vmlinux.cmd')),
    problems,
  });
}
