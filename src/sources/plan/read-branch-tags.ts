import {
  branchOf,
  compareKernelVersions,
  type KernelVersion,
  parseKernelVersion,
} from '../../domain/kernel-version.js';
import { GitError, type GitLocation, runGit } from '../git/run-git.js';

/** A release tag resolved to its commit. */
export type ReleaseTag = { readonly version: KernelVersion; readonly tag: string; readonly sha: string };

/** True when `a` is an ancestor of (or equal to) `b`. */
export async function isAncestor(where: GitLocation, a: string, b: string): Promise<boolean> {
  try {
    await runGit(where, ['merge-base', '--is-ancestor', a, b]);
    return true;
  } catch (e) {
    if (e instanceof GitError && e.code === 1) return false;
    throw e;
  }
}

/** The release tags of one branch in a repository (`refs/tags/vB.*`), peeled to commits. */
export async function readBranchTags(where: GitLocation, branch: string): Promise<ReleaseTag[]> {
  const out = await runGit(where, [
    'for-each-ref',
    '--format=%(refname:strip=2) %(objectname) %(*objectname)',
    `refs/tags/v${branch}`,
    `refs/tags/v${branch}.*`,
  ]);
  const tags: ReleaseTag[] = [];
  for (const line of out.split('\n')) {
    const [tag = '', sha = '', peeled = ''] = line.split(' ');
    const version = parseKernelVersion(tag);
    if (!version || version.rc !== null || branchOf(version) !== branch) continue;
    tags.push({ version, tag, sha: peeled || sha });
  }
  return tags.sort((a, b) => compareKernelVersions(b.version, a.version));
}
