import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import {
  branchOf,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from '../../domain/kernel-version.js';
import { NoNewerRelease } from '../../domain/no-newer-release.js';
import type { TargetSource } from '../../domain/stable-commit.js';
import { type GitLocation, runGit } from '../git/run-git.js';
import { readTreeRepo, type TreeRepo } from '../tree/read-tree-repo.js';
import { isAncestor, type ReleaseTag, readBranchTags } from './read-branch-tags.js';

/** Where `kgap plan` reads: the vendor tree, its base release, the target release and the repository holding it. */
export type PlanRepos = {
  readonly tree: TreeRepo;
  readonly base: ReleaseTag;
  readonly target: ReleaseTag;
  /** The repository the stable history (base..target) is read from: the tree, or `stableTree`. */
  readonly stable: GitLocation;
  readonly stableSource: TargetSource;
  /** The object directories merges need (the tree's, and the stable clone's). */
  readonly objectDirs: readonly string[];
};

export type PlanReposInput = {
  readonly path: string;
  readonly rev: string;
  /** `latest` or a release of the base's branch. */
  readonly to: 'latest' | KernelVersion;
  readonly upstreamRef: string | null;
  readonly stableTree: string | null;
};

/** Refuses a git older than 2.38: `git merge-tree --write-tree` (a merge without a work tree) came with 2.38. */
export async function checkGitVersion(): Promise<void> {
  const text = (await runGit({}, ['version'])).trim();
  const m = /(\d+)\.(\d+)/.exec(text);
  const [major, minor] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (major < 2 || (major === 2 && minor < 38))
    throw new UserError(
      `kgap plan needs git 2.38 or newer, for a merge without a work tree (git merge-tree --write-tree), not ${text}`,
    );
}

async function objectDir(where: GitLocation): Promise<string> {
  return (await runGit(where, ['rev-parse', '--path-format=absolute', '--git-path', 'objects'])).trim();
}

async function openStableClone(dir: string): Promise<GitLocation> {
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new InvalidInput('stableTree', `${dir}: no such directory; give a linux-stable clone with its tags`);
  const where = { cwd: path };
  await runGit(where, ['rev-parse', '--git-dir']).catch(() => {
    throw new InvalidInput('stableTree', `${dir} is not a git repository; give a linux-stable clone with its tags`);
  });
  return where;
}

/**
 * Opens the vendor tree at `rev`, finds the stable release it sits on (the nearest release tag) and the target
 * release (a tag of the same branch that contains the base; on `upstreamRef` when given; in `stableTree` when given).
 * Reads refs only: never the working tree. Bad input is a one-line `InvalidInput`/`UserError`.
 */
export async function readPlanRepos(input: PlanReposInput): Promise<PlanRepos> {
  await checkGitVersion();
  const tree = await readTreeRepo({ path: input.path, rev: input.rev, upstreamRef: input.upstreamRef });
  if (tree.shallow)
    throw new UserError(
      `${input.path} is a shallow clone: planning needs the history from the base release to the target (git fetch --unshallow)`,
    );
  const baseVersion = tree.tag ? parseKernelVersion(tree.tag) : null;
  if (!tree.tag || !baseVersion || baseVersion.rc !== null)
    throw new UserError(
      `no stable release tag (vX.Y.Z) is reachable from ${input.rev} in ${input.path}: fetch the stable tags (git fetch --tags) so the base release is known`,
    );
  const base: ReleaseTag = {
    version: baseVersion,
    tag: tree.tag,
    sha: (await runGit(tree.where, ['rev-parse', '--verify', `${tree.tag}^{commit}`])).trim(),
  };
  const stable = input.stableTree === null ? tree.where : await openStableClone(input.stableTree);
  const where = input.stableTree ?? input.path;
  const branch = branchOf(base.version);
  const tags = await readBranchTags(stable, branch);
  if (input.stableTree !== null) {
    const theirs = tags.find((t) => compareKernelVersions(t.version, base.version) === 0);
    if (!theirs || theirs.sha !== base.sha)
      throw new InvalidInput(
        'stableTree',
        `${where} ${theirs ? `has ${base.tag} at another commit (${theirs.sha.slice(0, 12)}) than the tree (${base.sha.slice(0, 12)})` : `has no tag ${base.tag}`}; give a clone of the stable history the tree is based on`,
      );
  }
  const onLine = async (t: ReleaseTag) =>
    (await isAncestor(stable, base.sha, t.sha)) &&
    (tree.upstream === null || input.upstreamRef === null || (await isAncestor(stable, t.sha, tree.upstream.sha)));
  let target: ReleaseTag | undefined;
  if (input.to === 'latest') {
    for (const t of tags) {
      if (compareKernelVersions(t.version, base.version) <= 0) break;
      if (await onLine(t)) {
        target = t;
        break;
      }
    }
    if (!target)
      throw new NoNewerRelease(
        `${where} has no ${branch} release newer than the base ${base.tag} that contains it: ${input.path} is on the newest release it knows, or the stable tags are not fetched (git fetch --tags)`,
        base.tag,
        tree.revSha,
      );
  } else {
    const to = formatKernelVersion(input.to);
    if (branchOf(input.to) !== branch)
      throw new InvalidInput(
        'to',
        `${to} is on branch ${branchOf(input.to)}, but the tree's base ${base.tag} is on ${branch}; a plan moves within one stable branch`,
      );
    if (compareKernelVersions(input.to, base.version) <= 0)
      throw new InvalidInput(
        'to',
        `${to} is not newer than the tree's base ${base.tag}; give a later ${branch} release or latest`,
      );
    target = tags.find((t) => compareKernelVersions(t.version, input.to as KernelVersion) === 0);
    if (!target)
      throw new InvalidInput(
        'to',
        `${to}: ${where} has no tag v${to}; fetch the stable tags (git fetch --tags) or give the stable clone (stableTree)`,
      );
    if (!(await isAncestor(stable, base.sha, target.sha)))
      throw new InvalidInput(
        'to',
        `v${to} does not contain the base ${base.tag}: it is on another line of history than the tree`,
      );
    if (tree.upstream && input.upstreamRef !== null && !(await isAncestor(stable, target.sha, tree.upstream.sha)))
      throw new InvalidInput('to', `v${to} is not on upstreamRef ${input.upstreamRef}`);
  }
  const objectDirs = [await objectDir(tree.where)];
  if (input.stableTree !== null) objectDirs.push(await objectDir(stable));
  const stableSource = input.stableTree !== null ? 'stable-tree' : input.upstreamRef !== null ? 'upstream-ref' : 'tags';
  return { tree, base, target, stable, stableSource, objectDirs };
}
