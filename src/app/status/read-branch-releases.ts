import type { ReleaseTable } from '../../domain/release.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import { memoized, type StatusSession } from './status-session.js';

/** One branch's releases (and the data's newest date), read once per session. */
export function readBranchReleases(data: DataOptions, branch: string, session?: StatusSession): Promise<ReleaseTable> {
  return memoized(session, `releases:${data.releases}:${branch}`, () =>
    readReleases(data.releases, data.cacheDir, false, { branch }),
  );
}
