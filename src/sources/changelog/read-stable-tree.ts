import { formatKernelVersion, type KernelVersion } from '../../domain/kernel-version.js';
import type { StableCommit, StableCommitRange } from '../../domain/stable-commit.js';
import { UserError } from '../../domain/user-error.js';
import { GitError, runGit } from '../git/run-git.js';

// linux-stable tags every release `vX.Y.Z` on its "Linux X.Y.Z" commit: that commit bumps the Makefile, it fixes
// nothing, so it is not counted (Debian's changelog does not list it either).
const RELEASE_COMMIT_RE = /^Linux \d+\.\d+(\.\d+)*$/;

async function checkTag(path: string, tag: string): Promise<void> {
  try {
    await runGit({ cwd: path }, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const why =
      error.code === 128 && /not a git repository/i.test(error.stderr)
        ? 'is not a git repository'
        : `has no tag ${tag}`;
    throw new UserError(
      `the stable tree ${path} ${why}; pass a clone of linux-stable with its tags (git fetch --tags)`,
    );
  }
}

/**
 * The non-merge commits of a linux-stable clone in vFROM..vTO (what `git rev-list vFROM..vTO` walks), each
 * attributed to the release whose tag it lies under.
 */
export async function readStableTreeRange(
  path: string,
  range: { readonly from: KernelVersion; readonly to: KernelVersion },
): Promise<StableCommitRange> {
  const from = formatKernelVersion(range.from);
  const to = formatKernelVersion(range.to);
  await checkTag(path, `v${from}`);
  await checkTag(path, `v${to}`);
  const out = await runGit({ cwd: path }, [
    'log',
    '--no-merges',
    '--topo-order',
    '--decorate-refs=refs/tags/',
    '--format=%H%x09%D%x09%s',
    `v${from}..v${to}`,
  ]);
  const commits: StableCommit[] = [];
  let release = to;
  for (const line of out.split('\n')) {
    if (line === '') continue;
    const [sha = '', refs = '', ...rest] = line.split('\t');
    const subject = rest.join('\t');
    const tag = /(?:^|, )tag: v(\d+\.\d+(?:\.\d+)*)(?:,|$)/.exec(refs);
    if (tag?.[1]) release = tag[1];
    if (RELEASE_COMMIT_RE.test(subject)) continue;
    commits.push({ release, subject, archTag: null, sha, cveIds: [] });
  }
  return { kind: 'stable-tree', source: path, from, to, commits, missingReleases: [], emptyReleases: [] };
}
