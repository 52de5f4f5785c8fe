import { cveSummaryOf } from '../../domain/cve.js';
import { findingVerdictOf, type ScanSnapshot } from '../../domain/fleet-scan.js';
import type { BranchVerdictSet, FleetStore } from '../../domain/fleet-store.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { branchSpansOf, readBranchVerdictFile } from '../status/read-branch-view.js';
import { memoized, type StatusSession } from '../status/status-session.js';

/** A stored branch file as the store's rows: each record's facts, and one span row per verdict span. */
async function verdictSetOf(
  data: DataOptions,
  version: string,
  snapshot: ScanSnapshot,
  branch: string,
  session: StatusSession,
): Promise<BranchVerdictSet> {
  const v = parseKernelVersion(version);
  if (v === null) throw new Error(`not a kernel version: ${version}`);
  const { records, spans } = branchSpansOf(await readBranchVerdictFile(data, v, session));
  return {
    snapshot,
    branch,
    records: records.map((r) => ({ ...cveSummaryOf(r), programFiles: r.programFiles })),
    spans: spans.map((s) => ({
      id: records[s.record]?.id ?? '',
      from: s.from,
      to: s.to,
      ...findingVerdictOf(s),
    })),
  };
}

/**
 * Makes sure the store holds the branch's verdicts at the snapshot a scan used: written once per (snapshot,
 * branch), by whichever scan or worker gets there first; every product on the branch points at them.
 */
export function ensureBranchVerdicts(options: {
  readonly store: FleetStore;
  readonly data: DataOptions;
  readonly session: StatusSession;
  readonly snapshot: ScanSnapshot;
  readonly branch: string;
  readonly version: string;
}): Promise<void> {
  const { store, snapshot, branch } = options;
  return memoized(options.session, `stored-branch:${snapshot.vulnsCommit}:${branch}`, async () => {
    if (await store.hasBranchVerdicts(snapshot, branch)) return;
    await store.writeBranchVerdicts(
      await verdictSetOf(options.data, options.version, snapshot, branch, options.session),
    );
  });
}
