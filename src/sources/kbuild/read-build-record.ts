import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildRecord } from '../../domain/build-record.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { assembleBuildRecord } from './assemble-build-record.js';
import { extractSourceTarball, isSourceTarball } from './extract-source-tarball.js';
import { type KbuildCmd, parseKbuildCmd } from './parse-kbuild-cmd.js';
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
  if (st.isFile()) {
    if (!isSourceTarball(path)) {
      throw new InvalidInput('buildDir', `${path} is a file; give the kernel build directory or a .tar(.xz|.gz) of it`);
    }
    root = await extractSourceTarball(path, options.cacheDir ?? join(tmpdir(), 'kgap-cache'), options.progress).catch(
      (error: unknown) => {
        throw new UserError(`cannot extract ${path}: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  } else if (!st.isDirectory()) {
    throw new InvalidInput('buildDir', `${path} is neither a directory nor a tarball`);
  }
  const listing = walkSourceTree(root);
  const cmds: KbuildCmd[] = [];
  const problems = [...listing.problems];
  for (const name of listing.files) {
    if (!CMD_RE.test(name)) continue;
    let text: string;
    try {
      text = readFileSync(join(root, name), 'utf8');
    } catch (error) {
      problems.push(`${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      continue;
    }
    const cmd = parseKbuildCmd(text);
    if (cmd !== null) cmds.push(cmd);
  }
  if (cmds.length === 0) {
    throw new InvalidInput(
      'buildDir',
      `${path} holds no Kbuild .cmd files with source_/deps_ lines: give the directory the kernel was built in`,
    );
  }
  const lines = async (name: string): Promise<string[] | null> => {
    const text = await readFile(join(root, name), 'utf8').catch(() => null);
    return text === null ? null : text.split('\n').filter((l) => l.trim() !== '');
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
