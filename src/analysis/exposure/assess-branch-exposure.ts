import type { CveRecord } from '../../domain/cve.js';
import type { KernelVersion } from '../../domain/kernel-version.js';
import type { ReleaseTable } from '../../domain/release.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { assessExposure, type ExposureReport, type Finding, findingOf } from './assess-exposure.js';
import { type BranchEntry, spanOf } from './plan-branch-verdicts.js';

/** A branch's precomputed verdicts and the records they name (see `planBranchVerdicts`). */
export type BranchView = {
  readonly index: Pick<VulnsIndex, 'vulnsCommit' | 'vulnsCommitDate' | 'source' | 'schemaVersion'>;
  readonly totals: { readonly records: number; readonly recordProblems: number };
  /** Records that affect some release of the branch (or, read for one release, that release); indexed by entries. */
  readonly records: readonly CveRecord[];
  readonly entries: readonly BranchEntry[];
};

/** Same report as `assessExposure` over the whole index, read off a branch view (V must be a release, not an rc). */
export function assessExposureOnBranch(view: BranchView, releases: ReleaseTable, v: KernelVersion): ExposureReport {
  const byRecord = new Map<CveRecord, BranchEntry>();
  for (const e of view.entries) {
    const record = view.records[e.record];
    if (record) byRecord.set(record, e);
  }
  const assess = (record: CveRecord): Finding | null => {
    const entry = byRecord.get(record);
    const span = entry ? spanOf(entry.spans, v.sublevel) : null;
    if (!entry || !span) return null;
    // Field by field, not `{ ...span, fixedUpstream }`: one call per finding on the warm-status path, where a
    // spread costs (findingOf says how much).
    return findingOf(record, {
      fixedOnBranch: span.fixedOnBranch,
      fixedUpstream: entry.fixedUpstream,
      ambiguous: span.ambiguous,
      ambiguousReason: span.ambiguousReason,
      rule: span.rule,
    });
  };
  const index: VulnsIndex = { ...view.index, records: view.records, problems: [] };
  return assessExposure(index, releases, v, { assess, totals: view.totals });
}
