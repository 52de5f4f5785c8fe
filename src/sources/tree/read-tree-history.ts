import type { ShaPrefixIndex } from '../../analysis/tree/record-commits.js';
import type { Backport } from '../../analysis/tree/tree-scan.js';
import { type GitLocation, streamGitLines } from '../git/run-git.js';
import { androidPrefix, parseMarkerLine } from './parse-commit-markers.js';

/** What one pass over a tree's history found about the commits the records name. */
export type HistoryFacts = {
  readonly commits: number;
  /** Record commit ids that are in the history. */
  readonly present: Set<string>;
  /** Marker backports of record commits (vendor flag set later, from the vendor delta). */
  readonly markers: Backport[];
  /** Every revert in the history: [reverted id as written, reverting commit]. */
  readonly reverts: [string, string][];
};

// One record per commit: a line "\x1e<sha> <subject>", then the body lines.
const FORMAT = '--format=%x1e%H %s%n%b';

/**
 * Streams `git log REV` once (never one process per CVE) and keeps only what matters: which record commits are
 * ancestors (set membership of the scanned ids), which commits carry a marker naming one, and all reverts.
 */
export async function readTreeHistory(
  where: GitLocation,
  revSha: string,
  records: ShaPrefixIndex,
): Promise<HistoryFacts> {
  const present = new Set<string>();
  const markers: Backport[] = [];
  const reverts: [string, string][] = [];
  let commits = 0;
  let current = '';
  let android = false;
  await streamGitLines(where, ['log', '--no-color', '--no-show-signature', FORMAT, revSha, '--'], (line) => {
    if (line.charCodeAt(0) === 0x1e) {
      commits++;
      current = line.slice(1, 41);
      for (const id of records.find(current)) present.add(id);
      android = androidPrefix(line.slice(42)) !== null;
      return;
    }
    const marker = parseMarkerLine(line);
    if (marker === null) return;
    if (marker.kind === 'revert') {
      reverts.push([marker.sha, current]);
      return;
    }
    for (const ref of records.find(marker.sha)) {
      const style = android && marker.style === 'cherry-pick' ? 'android' : marker.style;
      markers.push({ commit: current, ref, match: { via: 'marker', style }, vendor: false });
    }
  });
  return { commits, present, markers, reverts };
}
