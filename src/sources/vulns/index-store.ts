import { lstat, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CveRecord, Cvss, DyadEntry, Severity } from '../../domain/cve.js';
import { INDEX_SCHEMA_VERSION, type VulnsIndex } from '../../domain/vulns-index.js';
import { cacheUnusable } from '../data/cache-fault.js';
import { readCacheText } from '../data/read-cache-text.js';
import { writeFileAtomic } from '../data/write-atomic.js';

// On disk the index is three files: a small header (what `sync` compares), the records without commit ids (all that
// version analysis reads, so a warm `status` parses ~5 MB instead of ~17 MB) and the commit ids (for tree mode).
// One shared empty list for the many records without commit ids or files (fewer allocations on the warm path).
const NONE: readonly string[] = Object.freeze([]);

const META_FILE = 'index-v2.meta.json';
const RECORDS_FILE = 'index-v2.records.json';
const COMMITS_FILE = 'index-v2.commits.json';

export type IndexMeta = Omit<VulnsIndex, 'records'> & { readonly recordCount: number };

/**
 * Records as columns of strings: parsing 14,600 strings per column is about 2.5x faster than 14,600 objects with
 * nested arrays, and a warm `status` spends most of its time here. Row i of every column is one record.
 */
type StoredColumns = {
  ids: string[];
  titles: string[];
  published: string[];
  modified: string[];
  /** `score|severity|vector`, or "" when unscored. */
  cvss: string[];
  /** `introVersion:fixVersion` per dyad line, joined by ","; "" for none. */
  dyad: string[];
  /** Program files joined by "\n". */
  files: string[];
};
/** [dyad [introSha, fixSha] pairs, fixShas, vulnerableShas] per record id. */
type StoredCommits = Record<string, [[string, string][], readonly string[], readonly string[]]>;

// kgap's own file, so a structural check is enough (and keeps zod, ~80 ms to load, off the warm path).
function isIndexMeta(data: unknown): data is IndexMeta {
  const m = data as Record<string, unknown> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.schemaVersion === INDEX_SCHEMA_VERSION &&
    typeof m.source === 'string' &&
    typeof m.vulnsCommit === 'string' &&
    /^[0-9a-f]{40}$/.test(m.vulnsCommit) &&
    typeof m.vulnsCommitDate === 'string' &&
    typeof m.recordCount === 'number' &&
    Array.isArray(m.problems) &&
    m.problems.every((p) => typeof p === 'string')
  );
}

/** Writes the index; the header goes last, so a crash mid-way leaves a header that points at the old commit. */
export async function writeIndex(cacheDir: string, index: VulnsIndex): Promise<void> {
  const columns: StoredColumns = { ids: [], titles: [], published: [], modified: [], cvss: [], dyad: [], files: [] };
  const commits: StoredCommits = {};
  for (const r of index.records) {
    columns.ids.push(r.id);
    columns.titles.push(r.title);
    columns.published.push(r.published);
    columns.modified.push(r.modified);
    columns.cvss.push(r.cvss ? `${r.cvss.score}|${r.cvss.severity}|${r.cvss.vector}` : '');
    columns.dyad.push(r.dyad.map((d) => `${d.introVersion ?? ''}:${d.fixVersion ?? ''}`).join(','));
    columns.files.push(r.programFiles.join('\n'));
    commits[r.id] = [r.dyad.map((d) => [d.introSha ?? '', d.fixSha ?? '']), r.fixShas, r.vulnerableShas];
  }
  const { records: _omit, ...header } = index;
  const meta: IndexMeta = { ...header, recordCount: columns.ids.length };
  const tag = { vulnsCommit: index.vulnsCommit };
  await writeFileAtomic(join(cacheDir, RECORDS_FILE), JSON.stringify({ ...tag, columns }));
  await writeFileAtomic(join(cacheDir, COMMITS_FILE), JSON.stringify({ ...tag, commits }));
  await writeFileAtomic(join(cacheDir, META_FILE), `${JSON.stringify(meta, null, 1)}\n`);
}

/**
 * Refuses a cache where something other than a file stands at an index file's name (a directory, say): the
 * rebuild would fail on every run after ten seconds of work. kgap removes nothing it did not write.
 */
export async function requireIndexFiles(cacheDir: string): Promise<void> {
  for (const name of [META_FILE, RECORDS_FILE, COMMITS_FILE]) {
    const path = join(cacheDir, name);
    const st = await lstat(path).catch(() => null);
    if (st !== null && !st.isFile()) throw cacheUnusable(cacheDir, path, `${name} is not a file; remove it`);
  }
}

/** The commit a records or commits file is tagged with, read from its first bytes (not the whole file). */
async function readTag(path: string): Promise<string | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return null;
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, 64, 0);
    return /^\{"vulnsCommit":"([0-9a-f]{40})"/.exec(head.toString('latin1', 0, bytesRead))?.[1] ?? null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * True when the records and commits files belong to the header's commit. A sync killed between writing them and
 * the header leaves them from another commit: `sync` must then rebuild, not say "already up to date".
 */
export async function indexFilesMatch(cacheDir: string, commit: string): Promise<boolean> {
  const tags = await Promise.all([readTag(join(cacheDir, RECORDS_FILE)), readTag(join(cacheDir, COMMITS_FILE))]);
  return tags.every((t) => t === commit);
}

/** The index header, or null when there is no usable index. */
export async function readIndexMeta(cacheDir: string): Promise<IndexMeta | null> {
  const text = readCacheText(join(cacheDir, META_FILE));
  if (text === null) return null;
  try {
    const data: unknown = JSON.parse(text);
    return isIndexMeta(data) ? data : null;
  } catch {
    return null;
  }
}

async function readTagged<T>(path: string, commit: string, key: string): Promise<T | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    return data.vulnsCommit === commit && data[key] !== undefined ? (data[key] as T) : null;
  } catch {
    return null;
  }
}

/**
 * Reads the cached index; `withCommits` adds the dyad/fix/vulnerable commit ids (tree mode needs them; version
 * analysis does not). Null when any part is missing, torn or from another commit: the caller rebuilds.
 */
export async function readStoredIndex(cacheDir: string, options: { withCommits: boolean }): Promise<VulnsIndex | null> {
  const meta = await readIndexMeta(cacheDir);
  if (!meta) return null;
  const cols = await readTagged<StoredColumns>(join(cacheDir, RECORDS_FILE), meta.vulnsCommit, 'columns');
  if (!cols || cols.ids.length !== meta.recordCount) return null;
  const commits = options.withCommits
    ? await readTagged<StoredCommits>(join(cacheDir, COMMITS_FILE), meta.vulnsCommit, 'commits')
    : null;
  if (options.withCommits && !commits) return null;
  const records: CveRecord[] = new Array(cols.ids.length);
  for (let i = 0; i < cols.ids.length; i++) {
    const id = cols.ids[i] as string;
    const c = commits?.[id];
    const dyadText = cols.dyad[i] ?? '';
    const dyad: DyadEntry[] =
      dyadText === ''
        ? []
        : dyadText.split(',').map((pair, j) => {
            const colon = pair.indexOf(':');
            return {
              introVersion: pair.slice(0, colon) || null,
              fixVersion: pair.slice(colon + 1) || null,
              introSha: c ? c[0][j]?.[0] || null : null,
              fixSha: c ? c[0][j]?.[1] || null : null,
            };
          });
    const cvssText = cols.cvss[i] ?? '';
    let cvss: Cvss | null = null;
    if (cvssText !== '') {
      const [score = '0', severity = 'none', vector = ''] = cvssText.split('|');
      cvss = { score: Number(score), severity: severity as Severity, vector };
    }
    const filesText = cols.files[i] ?? '';
    records[i] = {
      id,
      title: cols.titles[i] ?? '',
      published: cols.published[i] ?? '',
      modified: cols.modified[i] ?? '',
      cvss,
      dyad,
      fixShas: c?.[1] ?? NONE,
      vulnerableShas: c?.[2] ?? NONE,
      programFiles: filesText === '' ? NONE : filesText.split('\n'),
    };
  }
  const { recordCount: _n, ...header } = meta;
  return { ...header, records };
}
