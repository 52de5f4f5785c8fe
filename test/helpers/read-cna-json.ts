import { join } from 'node:path';
import { readBlobs } from '../../src/sources/git/cat-file-batch.js';
import { listRecordBlobs } from '../../src/sources/vulns/read-record-files.js';
import { type CnaAffected, parseCnaAffected } from './cna-json-verdict.js';
import { type RealIndex, realIndex } from './real-index.js';

/** Every published record's JSON version ranges, by CVE id, and the records that could not be read. */
export type CnaJsonRanges = { readonly byId: ReadonlyMap<string, CnaAffected>; readonly problems: readonly string[] };

let pending: Promise<{ real: RealIndex; cna: CnaJsonRanges } | null> | null = null;

async function load(): Promise<{ real: RealIndex; cna: CnaJsonRanges } | null> {
  const real = await realIndex();
  if (real === null) return null;
  // The index's own mirror (alternates onto ../shared/data/vulns.git) at the commit the index was built from.
  const gitDir = join(real.cacheDir, 'vulns.git');
  const blobs = await listRecordBlobs(gitDir, real.index.vulnsCommit);
  const owner = new Map<string, string>();
  for (const [id, kinds] of blobs) {
    const oid = kinds.get('json');
    if (oid) owner.set(oid, id);
  }
  const byId = new Map<string, CnaAffected>();
  const problems: string[] = [];
  // One `git cat-file --batch` for the ~14,600 blobs (about a second); parsing keeps only the ranges.
  await readBlobs({ gitDir }, [...owner.keys()], (oid, content) => {
    const id = owner.get(oid) ?? oid;
    const parsed = content === null ? 'missing blob' : parseCnaAffected(content.toString('utf8'));
    if (typeof parsed === 'string') problems.push(`${id}: ${parsed}`);
    else byId.set(id, parsed);
  });
  return { real, cna: { byId, problems } };
}

/**
 * The real index and the CNA JSON ranges of the same vulns commit, read once per test process. Null when
 * ../shared/data is absent (the caller skips with REAL_DATA_SKIP_REASON).
 */
export function realCnaJson(): Promise<{ real: RealIndex; cna: CnaJsonRanges } | null> {
  pending ??= load();
  return pending;
}
