import { join } from 'node:path';
import type { BranchView } from '../../analysis/exposure/assess-branch-exposure.js';
import { AFFECTEDNESS_RULES_VERSION } from '../../analysis/exposure/assess-version.js';
import {
  decodeBranchView,
  encodeBranchView,
  type StoredBranchView,
} from '../../analysis/exposure/branch-view-codec.js';
import { planBranchVerdicts, type VerdictSpan } from '../../analysis/exposure/plan-branch-verdicts.js';
import type { CveRecord } from '../../domain/cve.js';
import { branchOf, formatKernelVersion, type KernelVersion } from '../../domain/kernel-version.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readCacheText } from '../../sources/data/read-cache-text.js';
import { writeFileAtomic } from '../../sources/data/write-atomic.js';
import { readIndexMeta } from '../../sources/vulns/index-store.js';
import { readIndex, requireIndexSource } from '../../sources/vulns/read-index.js';
import { memoized, type StatusSession } from './status-session.js';

// One file per branch, made on the first query of that branch at an index commit: the records that affect some
// release of the branch (with what a finding shows) and their verdict spans. A warm `status` reads it whole, so it
// is laid out for reading fast: the records are one string of lines (one JSON string parses at copy speed; only the
// lines of the hits are split into fields), stored in finding order (most severe first), so the findings of a
// release come out sorted.
const fileFor = (cacheDir: string, branch: string) => join(cacheDir, `branch-${branch}-v2.json`);

/**
 * The verdicts of every record along V's branch: from the cache when it matches the index commit, else computed
 * from the index (about one full query's work) and cached. Reading the index builds it when there is none yet.
 */
export async function readBranchView(
  data: DataOptions,
  v: KernelVersion,
  session?: StatusSession,
): Promise<BranchView> {
  // In a session (a fleet scan) the branch file is read once and shared; a single query reads the release's own
  // slice when it was made before: a third of the branch file's size, so a warm `status` parses less.
  if (session !== undefined) return decodeBranchView(await readBranchVerdictFile(data, v, session), v.sublevel);
  const meta = await readIndexMeta(data.cacheDir);
  const sliceFile = join(data.cacheDir, `release-${formatKernelVersion(v)}-v2.json`);
  if (meta) {
    await requireIndexSource(meta, data);
    const slice = await readCurrent(sliceFile, meta);
    if (slice !== null) return decodeBranchView(slice, 'all');
  }
  const view = decodeBranchView(await readBranchVerdictFile(data, v), v.sublevel);
  await writeFileAtomic(sliceFile, JSON.stringify(encodeBranchView(view))).catch(() => undefined);
  return view;
}

/** A stored view, when the file exists, parses, and was made with these rules from the index as it is now. */
async function readCurrent(
  file: string,
  meta: { readonly vulnsCommit: string; readonly source: string },
): Promise<StoredBranchView | null> {
  const text = readCacheText(file);
  if (text === null) return null;
  try {
    const stored = JSON.parse(text) as StoredBranchView;
    const current =
      stored.rules === AFFECTEDNESS_RULES_VERSION &&
      stored.vulnsCommit === meta.vulnsCommit &&
      stored.source === meta.source;
    return current ? stored : null;
  } catch {
    return null; // A torn or foreign file: recomputed by the caller.
  }
}

/** The whole branch's stored verdicts (read once per session): what a fleet stores for every product on it. */
export function readBranchVerdictFile(
  data: DataOptions,
  v: KernelVersion,
  session?: StatusSession,
): Promise<StoredBranchView> {
  return memoized(session, `branch-verdicts:${data.cacheDir}:${branchOf(v)}`, () => readStored(data, v));
}

/** The records and spans of a stored branch file, one row per span (for the fleet's store). */
export function branchSpansOf(file: StoredBranchView): {
  readonly records: readonly CveRecord[];
  readonly spans: readonly (VerdictSpan & { readonly record: number; readonly fixedUpstream: string | null })[];
} {
  const all = decodeBranchView(file, 'all');
  const spans = all.entries.flatMap((e) =>
    e.spans.map((s) => ({ ...s, record: e.record, fixedUpstream: e.fixedUpstream })),
  );
  return { records: all.records, spans };
}

async function readStored(data: DataOptions, v: KernelVersion): Promise<StoredBranchView> {
  const branch = branchOf(v);
  const meta = await readIndexMeta(data.cacheDir);
  if (meta) {
    await requireIndexSource(meta, data);
    const stored = await readCurrent(fileFor(data.cacheDir, branch), meta);
    if (stored !== null) return stored;
  }
  const index = await readIndex(data);
  const all = planBranchVerdicts(index.records, v.branchKey);
  const keep = new Map<number, number>();
  const records: CveRecord[] = [];
  for (const e of all) {
    keep.set(e.record, records.length);
    records.push(index.records[e.record] as CveRecord);
  }
  const view: BranchView = {
    index: {
      schemaVersion: 1,
      vulnsCommit: index.vulnsCommit,
      vulnsCommitDate: index.vulnsCommitDate,
      source: index.source,
    },
    totals: { records: index.records.length, recordProblems: index.problems.length },
    records,
    entries: all.map((e) => ({ ...e, record: keep.get(e.record) as number })),
  };
  const stored = encodeBranchView(view);
  await writeFileAtomic(fileFor(data.cacheDir, branch), JSON.stringify(stored)).catch(() => undefined);
  return stored;
}
