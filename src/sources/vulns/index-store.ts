import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CveRecord, Cvss, DyadEntry } from '../../domain/cve.js';
import { INDEX_SCHEMA_VERSION, type VulnsIndex } from '../../domain/vulns-index.js';
import { writeFileAtomic } from '../data/write-atomic.js';

// On disk the index is three files: a small header (what `sync` compares), the records without commit ids (all that
// version analysis reads, so a warm `status` parses ~5 MB instead of ~17 MB) and the commit ids (for tree mode).
const META_FILE = 'index-v1.meta.json';
const RECORDS_FILE = 'index-v1.records.json';
const COMMITS_FILE = 'index-v1.commits.json';

export type IndexMeta = Omit<VulnsIndex, 'records'> & { readonly recordCount: number };

type StoredRecord = {
  id: string;
  title: string;
  published: string;
  modified: string;
  cvss: Cvss | null;
  /** [introVersion, fixVersion] per dyad line, "" for none. */
  dyad: [string, string][];
  programFiles: readonly string[];
};
/** [dyad [introSha, fixSha] pairs, fixShas, vulnerableShas] per record id. */
type StoredCommits = Record<string, [[string, string][], readonly string[], readonly string[]]>;

const metaSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  source: z.string(),
  vulnsCommit: z.string().regex(/^[0-9a-f]{40}$/),
  vulnsCommitDate: z.string(),
  recordCount: z.number().int().nonnegative(),
  problems: z.array(z.string()),
});

/** Writes the index; the header goes last, so a crash mid-way leaves a header that points at the old commit. */
export async function writeIndex(cacheDir: string, index: VulnsIndex): Promise<void> {
  const records: StoredRecord[] = [];
  const commits: StoredCommits = {};
  for (const r of index.records) {
    records.push({
      id: r.id,
      title: r.title,
      published: r.published,
      modified: r.modified,
      cvss: r.cvss,
      dyad: r.dyad.map((d) => [d.introVersion ?? '', d.fixVersion ?? '']),
      programFiles: r.programFiles,
    });
    commits[r.id] = [r.dyad.map((d) => [d.introSha ?? '', d.fixSha ?? '']), r.fixShas, r.vulnerableShas];
  }
  const { records: _omit, ...header } = index;
  const meta: IndexMeta = { ...header, recordCount: records.length };
  const tag = { vulnsCommit: index.vulnsCommit };
  await writeFileAtomic(join(cacheDir, RECORDS_FILE), JSON.stringify({ ...tag, records }));
  await writeFileAtomic(join(cacheDir, COMMITS_FILE), JSON.stringify({ ...tag, commits }));
  await writeFileAtomic(join(cacheDir, META_FILE), `${JSON.stringify(meta, null, 1)}\n`);
}

/** The index header, or null when there is no usable index. */
export async function readIndexMeta(cacheDir: string): Promise<IndexMeta | null> {
  const text = await readFile(join(cacheDir, META_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = metaSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
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
  const stored = await readTagged<StoredRecord[]>(join(cacheDir, RECORDS_FILE), meta.vulnsCommit, 'records');
  if (!stored || stored.length !== meta.recordCount) return null;
  const commits = options.withCommits
    ? await readTagged<StoredCommits>(join(cacheDir, COMMITS_FILE), meta.vulnsCommit, 'commits')
    : null;
  if (options.withCommits && !commits) return null;
  const records: CveRecord[] = stored.map((r) => {
    const c = commits?.[r.id];
    const dyad: DyadEntry[] = r.dyad.map(([iv, fv], i) => ({
      introVersion: iv || null,
      fixVersion: fv || null,
      introSha: c?.[0][i]?.[0] || null,
      fixSha: c?.[0][i]?.[1] || null,
    }));
    return { ...r, dyad, fixShas: c?.[1] ?? [], vulnerableShas: c?.[2] ?? [] };
  });
  const { recordCount: _n, ...header } = meta;
  return { ...header, records };
}
