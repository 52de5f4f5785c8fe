import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { type MakefileVersion, parseKernelMakefile } from '../../domain/kernel-makefile.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { GitError, type GitLocation, runGit } from '../git/run-git.js';

/** A product tree opened at one revision: the facts every later step needs. */
export type TreeRepo = {
  readonly where: GitLocation;
  readonly path: string;
  readonly rev: string;
  readonly revSha: string;
  readonly shallow: boolean;
  readonly makefile: MakefileVersion;
  /** Nearest `vX.Y[.Z]` tag reachable from the revision, or null. */
  readonly tag: string | null;
  readonly upstream: { readonly ref: string; readonly sha: string } | null;
};

const firstLine = (e: unknown) => (e instanceof GitError ? (e.stderr.trim().split('\n')[0] ?? '') : String(e));

async function verifyCommit(where: GitLocation, rev: string, field: string): Promise<string> {
  try {
    return (await runGit(where, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
  } catch {
    throw new InvalidInput(field, `"${rev}" is not a commit in the tree; give a branch, tag or commit id it has`);
  }
}

/**
 * Opens `--tree PATH` at `--rev`: checks it is a git repository with a kernel Makefile at that revision, resolves
 * the revision and `--upstream-ref`, finds the nearest release tag. Throws UserError with what to do otherwise.
 */
export async function readTreeRepo(options: {
  readonly path: string;
  readonly rev: string;
  readonly upstreamRef: string | null;
}): Promise<TreeRepo> {
  const path = resolve(options.path);
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new InvalidInput('tree', `${options.path}: no such directory; give the path of a kernel git clone`);
  }
  const where: GitLocation = { cwd: path };
  let shallowText: string;
  try {
    shallowText = await runGit(where, ['rev-parse', '--is-shallow-repository']);
  } catch (e) {
    throw new InvalidInput(
      'tree',
      `${options.path} is not a git repository (${firstLine(e)}); give a kernel git clone`,
    );
  }
  const revSha = await verifyCommit(where, options.rev, 'rev');
  const makefileText = await runGit(where, ['show', `${revSha}:Makefile`]).catch(() => null);
  const makefile = makefileText === null ? null : parseKernelMakefile(makefileText);
  if (!makefile) {
    throw new UserError(
      `${options.path} at ${options.rev} has no kernel Makefile (VERSION/PATCHLEVEL/SUBLEVEL); is it a Linux tree?`,
    );
  }
  const described = await runGit(where, ['describe', '--tags', '--match', 'v[0-9]*', '--abbrev=0', revSha])
    .then((t) => t.trim())
    .catch(() => '');
  const tag = parseKernelVersion(described) ? described : null;
  let upstream: TreeRepo['upstream'] = null;
  if (options.upstreamRef !== null) {
    upstream = { ref: options.upstreamRef, sha: await verifyCommit(where, options.upstreamRef, 'upstreamRef') };
  } else if (tag) {
    upstream = { ref: tag, sha: await verifyCommit(where, tag, 'the base tag') };
  }
  return { where, path, rev: options.rev, revSha, shallow: shallowText.trim() === 'true', makefile, tag, upstream };
}
