import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BranchView } from '../../analysis/exposure/assess-branch-exposure.js';
import { AFFECTEDNESS_RULES_VERSION } from '../../analysis/exposure/assess-version.js';
import {
  type BranchEntry,
  planBranchVerdicts,
  type VerdictSpan,
} from '../../analysis/exposure/plan-branch-verdicts.js';
import type { CveRecord, Severity } from '../../domain/cve.js';
import { branchOf, type KernelVersion } from '../../domain/kernel-version.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { writeFileAtomic } from '../../sources/data/write-atomic.js';
import { readIndexMeta } from '../../sources/vulns/index-store.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import { memoized, type StatusSession } from './status-session.js';

// One file per branch, made on the first query of that branch at an index commit: the records that affect some
// release of the branch (with what a finding shows) and their verdict spans.
const fileFor = (cacheDir: string, branch: string) => join(cacheDir, `branch-${branch}-v1.json`);

type StoredView = {
  /** AFFECTEDNESS_RULES_VERSION the verdicts were made with. */
  rules: number;
  vulnsCommit: string;
  vulnsCommitDate: string;
  source: string;
  totals: { records: number; recordProblems: number };
  /** id, title, published, `score|severity|vector` or "", program files joined by "\n" */
  records: [string, string, string, string, string][];
  /** record, fixedUpstream or "", spans as [from, to or -1, fixedOnBranch or "", ambiguous 0/1, rule] */
  entries: [number, string, [number, number, string, number, string][]][];
};

function toStored(view: BranchView): StoredView {
  return {
    rules: AFFECTEDNESS_RULES_VERSION,
    ...view.index,
    totals: view.totals,
    records: view.records.map((r) => [
      r.id,
      r.title,
      r.published,
      r.cvss ? `${r.cvss.score}|${r.cvss.severity}|${r.cvss.vector}` : '',
      r.programFiles.join('\n'),
    ]),
    entries: view.entries.map((e) => [
      e.record,
      e.fixedUpstream ?? '',
      e.spans.map((s) => [s.from, s.to ?? -1, s.fixedOnBranch ?? '', s.ambiguous ? 1 : 0, s.rule]),
    ]),
  } as StoredView;
}

/** The view restricted to the records that affect the release at `sublevel` (the others are never built);
 * `all`: every record of the branch. */
function fromStored(s: StoredView, sublevel: number, all = false): BranchView {
  const none: readonly string[] = [];
  const hit = all
    ? s.entries
    : s.entries.filter(([, , spans]) => spans.some(([from, to]) => sublevel >= from && (to === -1 || sublevel < to)));
  const records: CveRecord[] = hit.map(([record]) => {
    const [id, title, published, cvssText, files] = s.records[record] as StoredView['records'][number];
    const [score = '0', severity = 'none', vector = ''] = cvssText.split('|');
    return {
      id,
      title,
      published,
      modified: '',
      cvss: cvssText === '' ? null : { score: Number(score), severity: severity as Severity, vector },
      dyad: [],
      fixShas: none,
      vulnerableShas: none,
      programFiles: files === '' ? none : files.split('\n'),
    };
  });
  const entries: BranchEntry[] = hit.map(([, fixedUpstream, spans], i) => ({
    record: i,
    fixedUpstream: fixedUpstream || null,
    spans: spans.map(([from, to, fixedOnBranch, ambiguous, rule]) => ({
      from,
      to: to === -1 ? null : to,
      fixedOnBranch: fixedOnBranch || null,
      ambiguous: ambiguous === 1,
      rule: rule as BranchEntry['spans'][number]['rule'],
    })),
  }));
  const { totals, vulnsCommit, vulnsCommitDate, source } = s;
  return { index: { schemaVersion: 1, vulnsCommit, vulnsCommitDate, source }, totals, records, entries };
}

/** One branch's verdicts as stored in the cache: every record that affects some release of the branch. */
export type BranchVerdictFile = StoredView;

/**
 * The verdicts of every record along V's branch: from the cache when it matches the index commit, else computed
 * from the index (about one full query's work) and cached. Reading the index builds it when there is none yet.
 */
export async function readBranchView(
  data: DataOptions,
  v: KernelVersion,
  session?: StatusSession,
): Promise<BranchView> {
  return fromStored(await readBranchVerdictFile(data, v, session), v.sublevel);
}

/** The whole branch's stored verdicts (read once per session): what a fleet stores for every product on it. */
export function readBranchVerdictFile(
  data: DataOptions,
  v: KernelVersion,
  session?: StatusSession,
): Promise<BranchVerdictFile> {
  return memoized(session, `branch-verdicts:${data.cacheDir}:${branchOf(v)}`, () => readStored(data, v));
}

/** The records and spans of a stored branch file, one row per span (for the fleet's store). */
export function branchSpansOf(file: BranchVerdictFile): {
  readonly records: readonly CveRecord[];
  readonly spans: readonly (VerdictSpan & { readonly record: number; readonly fixedUpstream: string | null })[];
} {
  const all = fromStored(file, -1, true);
  const spans = all.entries.flatMap((e) =>
    e.spans.map((s) => ({ ...s, record: e.record, fixedUpstream: e.fixedUpstream })),
  );
  return { records: all.records, spans };
}

async function readStored(data: DataOptions, v: KernelVersion): Promise<StoredView> {
  const branch = branchOf(v);
  const meta = await readIndexMeta(data.cacheDir);
  if (meta) {
    const text = await readFile(fileFor(data.cacheDir, branch), 'utf8').catch(() => null);
    if (text !== null) {
      try {
        const stored = JSON.parse(text) as StoredView;
        if (
          stored.rules === AFFECTEDNESS_RULES_VERSION &&
          stored.vulnsCommit === meta.vulnsCommit &&
          stored.source === meta.source
        )
          return stored;
      } catch {
        // A torn or foreign file: recompute below.
      }
    }
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
  const stored = toStored(view);
  await writeFileAtomic(fileFor(data.cacheDir, branch), JSON.stringify(stored)).catch(() => undefined);
  return stored;
}
