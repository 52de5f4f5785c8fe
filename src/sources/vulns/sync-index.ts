import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CveRecord } from '../../domain/cve.js';
import { compareCveIds } from '../../domain/cve-id.js';
import { dayOfUnixSeconds } from '../../domain/day.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { INDEX_SCHEMA_VERSION } from '../../domain/vulns-index.js';
import { withCacheLock } from '../data/cache-lock.js';
import type { DataOptions } from '../data/data-options.js';
import { runGit } from '../git/run-git.js';
import {
  type IndexMeta,
  indexFilesMatch,
  readIndexMeta,
  readStoredIndex,
  requireIndexFiles,
  writeIndex,
} from './index-store.js';
import { parseCveRecord } from './parse-cve-record.js';
import { readRecordDates } from './read-record-dates.js';
import { listRecordBlobs, RECORD_FILE_ID_RE, readRecordFiles } from './read-record-files.js';
import { syncVulnsMirror } from './sync-vulns-mirror.js';

/** What a sync did, for the `sync` command's report. */
export type SyncReport = {
  readonly meta: IndexMeta;
  /** The new index; null when nothing changed (it was not re-read). */
  readonly index: VulnsIndex | null;
  readonly mode: 'full' | 'incremental' | 'unchanged';
  readonly changedRecords: number;
  readonly seconds: number;
};

async function changedIds(gitDir: string, from: string, to: string): Promise<Set<string>> {
  const out = await runGit({ gitDir }, ['diff', '--name-only', '--no-renames', from, to, '--', 'cve/published/']);
  const ids = new Set<string>();
  for (const path of out.split('\n')) {
    const id = RECORD_FILE_ID_RE.exec(path)?.[1];
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * Brings the index up to date with the vulns repository: a full build the first time, afterwards only the records
 * changed since the indexed commit. Runs under the cache lock; index files are replaced atomically, so an
 * interrupted or failed sync leaves the previous index usable.
 */
export async function syncIndex(options: DataOptions, mode: { rebuild?: boolean } = {}): Promise<SyncReport> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const say = options.progress ?? (() => {});
  return withCacheLock(
    options.cacheDir,
    async () => {
      await requireIndexFiles(options.cacheDir);
      const meta = await readIndexMeta(options.cacheDir);
      say(`vulns: updating from ${options.vulnsRepo}`);
      const mirror = await syncVulnsMirror(options.cacheDir, options.vulnsRepo, options.progress);
      const sameSource = meta !== null && meta.source === options.vulnsRepo;
      if (
        sameSource &&
        meta.vulnsCommit === mirror.head &&
        !mode.rebuild &&
        (await indexFilesMatch(options.cacheDir, meta.vulnsCommit))
      ) {
        return { meta, index: null, mode: 'unchanged', changedRecords: 0, seconds: elapsed() };
      }
      const previous =
        sameSource && !mode.rebuild ? await readStoredIndex(options.cacheDir, { withCommits: true }) : null;
      const incremental =
        previous !== null &&
        (await runGit({ gitDir: mirror.gitDir }, ['merge-base', '--is-ancestor', previous.vulnsCommit, mirror.head])
          .then(() => true)
          .catch(() => false));
      // A record is published by its .json: ids with other files only (a half-written entry) are not CVEs yet.
      const blobs = new Map(
        [...(await listRecordBlobs(mirror.gitDir, mirror.head))].filter(([, kinds]) => kinds.has('json')),
      );
      const touched =
        incremental && previous ? await changedIds(mirror.gitDir, previous.vulnsCommit, mirror.head) : null;
      const ids = touched ? [...touched].filter((id) => blobs.has(id)) : [...blobs.keys()];
      say(touched ? `vulns: ${touched.size} records changed` : `vulns: indexing ${ids.length} records (full build)`);

      const parsed = new Map<string, CveRecord>();
      const problems: string[] = [];
      const placeholder = { published: '', modified: '' };
      const [dates] = await Promise.all([
        readRecordDates(mirror.gitDir, mirror.head, incremental ? previous?.vulnsCommit : undefined),
        readRecordFiles(
          mirror.gitDir,
          blobs,
          ids,
          (id, files) => {
            const result = parseCveRecord(id, files, placeholder);
            if (result.ok) {
              parsed.set(id, result.record);
              problems.push(...result.warnings);
            } else problems.push(result.problem);
          },
          (done, total) => say(`vulns: read ${done}/${total} files`),
        ),
      ]);

      const records = new Map<string, CveRecord>();
      if (touched && previous) {
        for (const r of previous.records) if (!touched.has(r.id) && blobs.has(r.id)) records.set(r.id, r);
        for (const p of previous.problems) {
          const id = p.split(':')[0] ?? '';
          if (!touched.has(id) && blobs.has(id)) problems.push(p);
        }
      }
      const old = new Map(previous?.records.map((r) => [r.id, r]) ?? []);
      for (const [id, record] of parsed) {
        const d = dates.get(id);
        const published =
          old.get(id)?.published ??
          (d?.added ? dayOfUnixSeconds(d.added) : d ? dayOfUnixSeconds(d.touched) : mirror.headDate.slice(0, 10));
        const modified = d ? dayOfUnixSeconds(d.touched) : (old.get(id)?.modified ?? published);
        records.set(id, { ...record, published, modified });
      }
      const index: VulnsIndex = {
        schemaVersion: INDEX_SCHEMA_VERSION,
        source: options.vulnsRepo,
        vulnsCommit: mirror.head,
        vulnsCommitDate: mirror.headDate,
        records: [...records.values()].sort((a, b) => compareCveIds(a.id, b.id)),
        problems: [...new Set(problems)].sort(),
      };
      await writeIndex(options.cacheDir, index);
      await removeBranchViews(options.cacheDir);
      const { records: _r, ...header } = index;
      return {
        meta: { ...header, recordCount: index.records.length },
        index,
        mode: touched ? 'incremental' : 'full',
        changedRecords: ids.length,
        seconds: elapsed(),
      };
    },
    { onWait: options.progress },
  );
}

/** Branch verdict caches belong to one index commit: drop them when the index moves (they would be ignored). */
async function removeBranchViews(cacheDir: string): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => /^(branch|release)-.+-v\d+\.json$/.test(n)).map((n) => rm(join(cacheDir, n), { force: true })),
  );
}
