import { CVE_ID_PATTERN } from '../../domain/cve-id.js';
import { readBlobs } from '../git/cat-file-batch.js';
import { runGit } from '../git/run-git.js';
import type { CveFiles } from './parse-cve-record.js';

const KINDS = ['json', 'dyad', 'sha1', 'vulnerable', 'cvss'] as const;
type Kind = (typeof KINDS)[number];
const FILE_RE = new RegExp(`^cve/published/\\d{4}/(${CVE_ID_PATTERN})\\.(json|dyad|sha1|vulnerable|cvss)$`);

/** The CVE id of a record file path (`cve/published/2024/CVE-2024-1234.dyad`), any kind. */
export const RECORD_FILE_ID_RE = new RegExp(`(${CVE_ID_PATTERN})\\.[a-z0-9]+$`);

/** Lists the record files at a commit: CVE id -> kind -> blob id. `.mbox` and other files are ignored. */
export async function listRecordBlobs(gitDir: string, commit: string): Promise<Map<string, Map<Kind, string>>> {
  const out = await runGit({ gitDir }, ['ls-tree', '-r', '--full-tree', commit, 'cve/published/']);
  const byId = new Map<string, Map<Kind, string>>();
  for (const line of out.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab === -1) continue;
    const m = FILE_RE.exec(line.slice(tab + 1));
    if (!m?.[1]) continue;
    const oid = line.slice(0, tab).split(' ')[2];
    if (!oid) continue;
    const kinds = byId.get(m[1]) ?? new Map<Kind, string>();
    kinds.set(m[2] as Kind, oid);
    byId.set(m[1], kinds);
  }
  return byId;
}

/**
 * Reads the files of the given CVEs through one `git cat-file --batch`, handing each CVE's files to `onRecord` as
 * soon as they are all in, so the texts of 14,000 records are never held at once.
 */
export async function readRecordFiles(
  gitDir: string,
  blobs: ReadonlyMap<string, ReadonlyMap<Kind, string>>,
  ids: readonly string[],
  onRecord: (id: string, files: CveFiles) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const wanted: string[] = [];
  const owners = new Map<string, { id: string; kind: Kind }[]>();
  const pending = new Map<string, { left: number; files: Record<string, string> }>();
  for (const id of ids) {
    const kinds = blobs.get(id);
    if (!kinds || kinds.size === 0) continue;
    pending.set(id, { left: kinds.size, files: {} });
    for (const [kind, oid] of kinds) {
      const list = owners.get(oid);
      if (list) list.push({ id, kind });
      else {
        owners.set(oid, [{ id, kind }]);
        wanted.push(oid);
      }
    }
  }
  let done = 0;
  await readBlobs({ gitDir }, wanted, (oid, content) => {
    done++;
    if (onProgress && done % 5000 === 0) onProgress(done, wanted.length);
    const text = content === null ? null : content.toString('utf8');
    for (const { id, kind } of owners.get(oid) ?? []) {
      const entry = pending.get(id);
      if (!entry) continue;
      if (text !== null) entry.files[kind] = text;
      entry.left--;
      if (entry.left === 0) {
        pending.delete(id);
        onRecord(id, entry.files as CveFiles);
      }
    }
    owners.delete(oid);
  });
}
