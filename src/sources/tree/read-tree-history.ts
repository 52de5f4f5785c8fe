import type { ShaPrefixIndex } from '../../domain/record-commits.js';
import type { Backport } from '../../domain/tree-scan.js';
import type { GitLocation } from '../git/run-git.js';
import { streamGitText } from '../git/stream-git-text.js';
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
// The lines worth looking at: a commit's header, or a body line that may hold a marker (parse-commit-markers.ts
// decides). One native regex per block of output; the other ~90% of lines are never materialised as strings.
const HIT_RE = /^\x1e([0-9a-f]{40}) ([^\n]*)|commit|origin:/gim;

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
  const args = ['log', '--no-color', '--no-show-signature', FORMAT, revSha, '--'];
  await streamGitText(where, args, (block) => {
    HIT_RE.lastIndex = 0;
    for (let m = HIT_RE.exec(block); m !== null; m = HIT_RE.exec(block)) {
      if (m[1] !== undefined) {
        commits++;
        current = m[1];
        for (const id of records.find(current)) present.add(id);
        android = androidPrefix(m[2] ?? '') !== null;
        continue;
      }
      // A keyword in a body line: take the whole line, and go on after it.
      const start = block.lastIndexOf('\n', m.index) + 1;
      const end = block.indexOf('\n', m.index);
      const line = block.slice(start, end === -1 ? block.length : end);
      HIT_RE.lastIndex = end === -1 ? block.length : end;
      const marker = parseMarkerLine(line);
      if (marker === null) continue;
      if (marker.kind === 'revert') {
        reverts.push([marker.sha, current]);
        continue;
      }
      for (const ref of records.find(marker.sha)) {
        const style = android && marker.style === 'cherry-pick' ? 'android' : marker.style;
        markers.push({ commit: current, ref, match: { via: 'marker', style }, vendor: false });
      }
    }
  });
  return { commits, present, markers, reverts };
}
