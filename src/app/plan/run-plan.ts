/**
 * The plan use-case (`kgap plan`): the update decision record for moving a vendor tree from the stable release it sits
 * on to a newer release of its branch. Reads the tree (refs and objects only: never the working tree), decides in
 * analysis/plan/, returns the report; never prints. The fleet calls it per product and stores `renderPlanJson`'s
 * output.
 */
import { assessPlanCves } from '../../analysis/plan/assess-plan-cves.js';
import { planNotes } from '../../analysis/plan/plan-notes.js';
import type { PlanReport } from '../../analysis/plan/plan-report.js';
import { planTestSteps } from '../../analysis/plan/plan-test-steps.js';
import { planVerdict } from '../../analysis/plan/plan-verdict.js';
import { planRangeReleases, summarizeStableFixes } from '../../analysis/plan/summarize-stable-fixes.js';
import { requireDay } from '../../domain/day.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import { branchOf, formatKernelVersion } from '../../domain/kernel-version.js';
import { branchReleases } from '../../domain/release.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readCommitLog } from '../../sources/plan/read-commit-log.js';
import { readPlanRepos } from '../../sources/plan/read-plan-repos.js';
import { requireRelease } from '../diff/run-diff.js';
import { readTreeExposure } from '../status/read-tree-exposure.js';
import { decidePatches } from './decide-patches.js';
import { type PlanBuild, readPlanBuild } from './read-plan-build.js';

export type PlanInput = {
  /** The vendor tree (a git clone with the stable tags) and the revision to plan from. */
  readonly tree: string;
  readonly rev: string;
  /** The target: `latest` (the newest release of the base's branch that contains it) or a release, e.g. `6.1.183`. */
  readonly to: string;
  /** The upstream branch in the tree the target must be on (e.g. `stable/linux-6.1.y`); null: the tree's tags. */
  readonly upstreamRef: string | null;
  /** A linux-stable clone holding the target, when the tree does not; null: the tree itself. */
  readonly stableTree: string | null;
  /** The product build, for relevance and hardening; null: neither. */
  readonly build: PlanBuild | null;
  /** Write the rebased branch under this name (only when every patch is upstream or clean); null: do not. */
  readonly writeBranch: string | null;
  readonly data: DataOptions;
  readonly tmpDir: string;
  /** Today (YYYY-MM-DD), for the hardening policy's waivers. */
  readonly asOf: string;
};

export type PlanOutcome = {
  readonly report: PlanReport;
  /** Set when `writeBranch` was asked and not done (a patch conflicts or reverts an upstream fix). */
  readonly branchRefused: string | null;
  readonly warnings: readonly string[];
};

/** Runs the plan. Bad input is an `InvalidInput` naming the field (`to`, `stableTree`, `writeBranch`, …). */
export async function runPlan(input: PlanInput): Promise<PlanOutcome> {
  const to = input.to === 'latest' ? 'latest' : requireRelease('to', input.to);
  if (input.upstreamRef !== null && input.stableTree !== null)
    throw new InvalidInput('stableTree', 'and upstreamRef are both given; the target comes from one of them');
  if (input.build) requireDay('asOf', input.asOf);
  const progress = input.data.progress;
  const repos = await readPlanRepos({
    path: input.tree,
    rev: input.rev,
    to,
    upstreamRef: input.upstreamRef,
    stableTree: input.stableTree,
  });
  // The tree-aware verdicts (one pass over the tree's history, cached) run while the patches are decided.
  const exposure = readTreeExposure({
    path: input.tree,
    rev: input.rev,
    upstreamRef: input.upstreamRef,
    data: input.data,
  });
  exposure.catch(() => {});
  const branch = branchOf(repos.base.version);
  const targetName = formatKernelVersion(repos.target.version);
  const [rangeLog, vendorLog] = await Promise.all([
    readCommitLog(repos.stable, [repos.target.sha, `^${repos.base.sha}`], { oldestFirst: false }),
    readCommitLog(repos.tree.where, [repos.tree.revSha, `^${repos.base.sha}`], { oldestFirst: true }),
  ]);
  const range = planRangeReleases(rangeLog, targetName, branch);
  const vendor = vendorLog.filter((c) => c.parents.length === 1);
  const decision = await decidePatches({
    repos,
    vendor,
    range,
    writeBranch: input.writeBranch,
    tmpDir: input.tmpDir,
    progress,
  });
  const tree = await exposure;
  const { judge, hardening, warnings } = await readPlanBuild({
    build: input.build,
    tree: input.tree,
    base: repos.base.version,
    target: repos.target.version,
    data: input.data,
    tmpDir: input.tmpDir,
    asOf: input.asOf,
  });
  const fates = new Map(decision.patches.map((p) => [p.commit, p.fate]));
  const cves = assessPlanCves({
    records: tree.index.records,
    now: tree.verdicts,
    base: repos.base.version,
    target: repos.target.version,
    fates,
    judge,
  });
  const stableFixes = summarizeStableFixes(range, tree.index.records, branch);
  const merges = vendorLog.length - vendor.length;
  const notes = planNotes({
    merges,
    range: `${repos.base.tag}..${input.rev}`,
    makefile: { text: tree.scan.base.makefile, version: tree.scan.base.makefileVersion },
    base: repos.base,
    target: repos.target.version,
    latest: branchReleases(tree.releases, branch).at(-1) ?? null,
  });
  const from = {
    version: formatKernelVersion(repos.base.version),
    tag: repos.base.tag,
    commit: repos.base.sha,
    rev: input.rev,
    revCommit: repos.tree.revSha,
    makefile: tree.scan.base.makefile,
    vendorCommits: vendor.length,
    mergeCommits: merges,
  };
  const toFacts = {
    version: targetName,
    tag: repos.target.tag,
    commit: repos.target.sha,
    date: tree.releases.byName.get(targetName)?.date ?? null,
    source: repos.stableSource,
  };
  const partial = { from, to: toFacts, cves, stableFixes, vendorPatches: decision.patches, fates: decision.fates };
  const report: PlanReport = {
    ...partial,
    hardening,
    testPlan: planTestSteps({
      tree: input.tree,
      rev: input.rev,
      baseTag: repos.base.tag,
      targetTag: repos.target.tag,
      branch: decision.branch?.name ?? null,
      config: input.build?.config ?? null,
      allCarry: decision.fates.conflict === 0 && decision.fates['vendor-revert'] === 0,
    }),
    verdict: planVerdict(partial),
    branch: decision.branch,
    notes,
    snapshot: {
      vulnsCommit: tree.index.vulnsCommit,
      vulnsCommitDate: tree.index.vulnsCommitDate,
      releasesAsOf: tree.releases.newestDate,
      records: tree.index.records.length,
    },
  };
  return { report, branchRefused: decision.branchRefused, warnings };
}
