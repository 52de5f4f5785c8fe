import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withScratchDir } from '../boot/scratch-dir.js';
import { type GitLocation, runGit } from '../git/run-git.js';

/**
 * Runs `use` with an empty bare repository under `tmpDir` that borrows the objects of `objectDirs` (git alternates)
 * and is removed afterwards. Everything a plan writes (merge results, helper commits) lands there: the user's
 * repository, its refs and its working tree are only read.
 */
export async function withScratchRepo<T>(
  tmpDir: string,
  objectDirs: readonly string[],
  use: (scratch: GitLocation) => Promise<T>,
): Promise<T> {
  return withScratchDir(tmpDir, 'kgap-plan-', async (dir) => {
    const gitDir = join(dir, 'scratch.git');
    await runGit({ cwd: dir }, ['init', '--bare', '--quiet', gitDir]);
    await writeFile(join(gitDir, 'objects', 'info', 'alternates'), `${objectDirs.join('\n')}\n`);
    return use({ gitDir });
  });
}
