import { type CveRecord, cveSummaryOf } from '../../domain/cve.js';
import { compareCveIds } from '../../domain/cve-id.js';
import type { KernelVersion } from '../../domain/kernel-version.js';
import { assessVersion } from '../exposure/assess-version.js';
import { stableFixAfter } from '../exposure/stable-fix-after.js';
import type { Relevance } from '../relevance/assess-relevance.js';
import type { TreeVerdict } from '../tree/tree-evidence.js';
import type { CveCount, PatchFate, PlanCve, PlanCves } from './plan-report.js';

export type PlanCvesInput = {
  readonly records: readonly CveRecord[];
  /** The tree's verdicts at the revision planned from (tree mode: backports, reverts, vendor-introduced bugs). */
  readonly now: ReadonlyMap<string, TreeVerdict>;
  readonly base: KernelVersion;
  readonly target: KernelVersion;
  /** The fate of each vendor patch. */
  readonly fates: ReadonlyMap<string, PatchFate>;
  /** With a config: does the product build the code a fix touched. */
  readonly judge: ((programFiles: readonly string[]) => Relevance) | null;
};

const short = (sha: string) => sha.slice(0, 12);
const carried = (fate: PatchFate | undefined) => fate === 'clean' || fate === 'conflict';

/**
 * Which CVEs the move closes, brings in and leaves open (pure; docs/plan.md, "Security"). Today's side is the tree's
 * own verdict (so a CVE the vendor already backported is not closed again); the target's side is the version rule
 * of the target release, corrected for what the vendor patches carry over: a vendor backport that still applies keeps
 * its fix, a vendor patch that brought a bug and still applies keeps the bug, and a fix the vendor reverted is closed
 * only if the revert is dropped (the patch's fate is `vendor-revert`).
 */
export function assessPlanCves(input: PlanCvesInput): PlanCves {
  const closed: PlanCve[] = [];
  const introduced: PlanCve[] = [];
  const stillOpen: PlanCve[] = [];
  const alreadyFixedByVendor: string[] = [];
  for (const record of input.records) {
    const now = input.now.get(record.id);
    if (!now) continue;
    const atTarget = assessVersion(record, input.target);
    const commit = now.evidence.commit;
    const fate = commit ? input.fates.get(commit) : undefined;
    const nowAffected = now.verdict === 'affected';
    let after = atTarget.affected;
    let note: string | null = null;
    if (after && now.verdict === 'fixed' && now.vendorFix && commit && carried(fate)) {
      after = false;
      note = `vendor patch ${short(commit)} keeps it fixed${fate === 'conflict' ? ' once its conflict is resolved' : ''}`;
    } else if (!after && nowAffected && commit && now.evidence.kind === 'intro-present' && carried(fate)) {
      after = true;
      note = `vendor patch ${short(commit)} brings the bug and carries over`;
    } else if (!after && nowAffected && commit && now.evidence.kind === 'reverted' && fate === 'vendor-revert') {
      note = `closed only if vendor revert ${short(commit)} is dropped`;
    }
    if (!atTarget.affected && now.verdict === 'fixed' && now.vendorFix && assessVersion(record, input.base).affected)
      alreadyFixedByVendor.push(record.id);
    if (nowAffected === after && !nowAffected) continue;
    // Closed: the first branch release after the base with the fix; open: the first after the target (the version
    // rule's answer when it says affected, else the dyad's, for a bug only a carried vendor patch keeps).
    const fixedOnBranch =
      nowAffected && !after
        ? stableFixAfter(record, input.base)
        : atTarget.affected
          ? atTarget.fixedOnBranch
          : stableFixAfter(record, input.target);
    const cve: PlanCve = {
      ...cveSummaryOf(record),
      fixedOnBranch,
      relevance: input.judge ? input.judge(record.programFiles).status : null,
      note,
    };
    if (nowAffected && !after) closed.push(cve);
    else if (!nowAffected && after) introduced.push(cve);
    else stillOpen.push(cve);
  }
  const byId = (a: PlanCve, b: PlanCve) => compareCveIds(a.id, b.id);
  for (const list of [closed, introduced, stillOpen]) list.sort(byId);
  const withJudge = input.judge !== null;
  return {
    closed,
    introduced,
    stillOpen,
    alreadyFixedByVendor: alreadyFixedByVendor.sort(compareCveIds),
    counts: {
      closed: countOf(closed, withJudge),
      introduced: countOf(introduced, withJudge),
      stillOpen: countOf(stillOpen, withJudge),
    },
  };
}

function countOf(list: readonly PlanCve[], withJudge: boolean): CveCount {
  if (!withJudge) return { total: list.length, built: null, notBuilt: null, unknown: null };
  const n = (status: PlanCve['relevance']) => list.filter((c) => c.relevance === status).length;
  return { total: list.length, built: n('built'), notBuilt: n('not-built'), unknown: n('unknown') };
}
