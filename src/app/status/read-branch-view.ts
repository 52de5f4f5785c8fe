import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BranchView } from '../../analysis/exposure/assess-branch-exposure.js';
import { AFFECTEDNESS_RULES_VERSION } from '../../analysis/exposure/assess-version.js';
import {
  decodeBranchView,
  encodeBranchView,
  type StoredBranchView,
} from '../../analysis/exposure/branch-view-codec.js';
import { planBranchVerdicts } from '../../analysis/exposure/plan-branch-verdicts.js';
import type { CveRecord } from '../../domain/cve.js';
import { branchOf, type KernelVersion } from '../../domain/kernel-version.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { writeFileAtomic } from '../../sources/data/write-atomic.js';
import { readIndexMeta } from '../../sources/vulns/index-store.js';
import { readIndex, requireIndexSource } from '../../sources/vulns/read-index.js';

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
export async function readBranchView(data: DataOptions, v: KernelVersion): Promise<BranchView> {
  const branch = branchOf(v);
  const meta = await readIndexMeta(data.cacheDir);
  if (meta) {
    requireIndexSource(meta.source, data);
    const text = await readFile(fileFor(data.cacheDir, branch), 'utf8').catch(() => null);
    if (text !== null) {
      try {
        const stored = JSON.parse(text) as StoredBranchView;
        if (
          stored.rules === AFFECTEDNESS_RULES_VERSION &&
          stored.vulnsCommit === meta.vulnsCommit &&
          stored.source === meta.source
        )
          return decodeBranchView(stored, v.sublevel);
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
  await writeFileAtomic(fileFor(data.cacheDir, branch), JSON.stringify(encodeBranchView(view))).catch(() => undefined);
  return view;
}
