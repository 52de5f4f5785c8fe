import { CVE_ID_PATTERN } from '../../domain/cve-id.js';
import { runGit } from '../git/run-git.js';
import { streamGitLines } from '../git/stream-git-text.js';

/** Per CVE id: unix seconds of the first commit that added its `.json` and of the last that touched it. */
export type RecordDates = Map<string, { added: number | null; touched: number }>;

const PATH_RE = new RegExp(`^([AMD])\\tcve/published/\\d{4}/(${CVE_ID_PATTERN})\\.json$`);

async function scan(gitDir: string, revs: readonly string[], into: RecordDates): Promise<void> {
  let time = 0;
  await streamGitLines(
    { gitDir },
    ['log', '--format=C %ct', '--name-status', '--no-renames', ...revs, '--', 'cve/published/*.json'],
    (line) => {
      if (line.startsWith('C ')) {
        time = Number(line.slice(2));
        return;
      }
      const m = PATH_RE.exec(line);
      if (!m?.[2] || m[1] === 'D') return;
      const id = m[2];
      const cur = into.get(id) ?? { added: null, touched: time };
      if (m[1] === 'A' && (cur.added === null || time < cur.added)) cur.added = time;
      if (time > cur.touched) cur.touched = time;
      into.set(id, cur);
    },
  );
}

function merge(target: RecordDates, part: RecordDates): void {
  for (const [id, d] of part) {
    const cur = target.get(id);
    if (!cur) {
      target.set(id, { ...d });
      continue;
    }
    if (d.added !== null && (cur.added === null || d.added < cur.added)) cur.added = d.added;
    if (d.touched > cur.touched) cur.touched = d.touched;
  }
}

/**
 * Walks the history of `cve/published/*.json` between `from` (exclusive, optional) and `to`. A full walk diffs
 * ~12,000 commits of large trees, so it is split in two halves of history that run as two git processes.
 */
export async function readRecordDates(gitDir: string, to: string, from?: string): Promise<RecordDates> {
  const result: RecordDates = new Map();
  if (from) {
    await scan(gitDir, [`${from}..${to}`], result);
    return result;
  }
  const commits = (await runGit({ gitDir }, ['rev-list', to])).split('\n').filter(Boolean);
  const middle = commits[Math.floor(commits.length / 2)];
  if (commits.length < 2000 || !middle) {
    await scan(gitDir, [to], result);
    return result;
  }
  const newer: RecordDates = new Map();
  const older: RecordDates = new Map();
  await Promise.all([scan(gitDir, [`${middle}..${to}`], newer), scan(gitDir, [middle], older)]);
  merge(result, older);
  merge(result, newer);
  return result;
}
