import { assessPatchOrigins, type PatchOrigin } from '../../analysis/plan/assess-patch-origins.js';
import { assessVendorPatches } from '../../analysis/plan/assess-vendor-patches.js';
import type { FateCounts, VendorPatch } from '../../analysis/plan/plan-report.js';
import type { RangeCommit } from '../../analysis/plan/summarize-stable-fixes.js';
import type { PlanCommit } from '../../domain/plan-commit.js';
import { runGit } from '../../sources/git/run-git.js';
import { isAncestor } from '../../sources/plan/read-branch-tags.js';
import { readChangedLines } from '../../sources/plan/read-changed-lines.js';
import { readConflictHunks } from '../../sources/plan/read-conflict-hunks.js';
import type { PlanRepos } from '../../sources/plan/read-plan-repos.js';
import { runMergeChain } from '../../sources/plan/run-merge-chain.js';
import { withScratchRepo } from '../../sources/plan/scratch-repo.js';
import { writePlanBranch } from '../../sources/plan/write-plan-branch.js';
import { readPatchIds } from '../../sources/tree/read-patch-ids.js';

export type PatchDecision = {
  readonly patches: readonly VendorPatch[];
  readonly fates: FateCounts;
  /** The branch written, or why it was not. */
  readonly branch: { readonly name: string; readonly commit: string; readonly commits: number } | null;
  readonly branchRefused: string | null;
};

/** The reverted ids (as written) that name commits the base release has: a vendor revert of one is a decision. */
async function readBaseHas(repos: PlanRepos, vendor: readonly PlanCommit[]): Promise<Set<string>> {
  const has = new Set<string>();
  for (const id of new Set(vendor.flatMap((c) => c.reverts))) {
    const full = await runGit(repos.tree.where, ['rev-parse', '--verify', '--quiet', `${id}^{commit}`]).then(
      (t) => t.trim(),
      () => null,
    );
    if (full && (await isAncestor(repos.tree.where, full, repos.base.sha))) has.add(id);
  }
  return has;
}

/**
 * Decides every vendor patch's fate without a checkout: patch-ids (the vendor's patches and the stable commits that
 * touch the same files) and markers first, then three-way merges in patch order onto the target in a scratch
 * repository (sources/plan/run-merge-chain.ts); with `writeBranch`, and only when every patch is upstream or clean,
 * writes the rebased branch as a new ref.
 */
export async function decidePatches(o: {
  readonly repos: PlanRepos;
  readonly vendor: readonly PlanCommit[];
  readonly range: readonly RangeCommit[];
  readonly writeBranch: string | null;
  readonly tmpDir: string;
  readonly progress: ((message: string) => void) | null;
}): Promise<PatchDecision> {
  const { repos, vendor, range } = o;
  const vendorPaths = new Set(vendor.flatMap((c) => c.files));
  // Patch-ids only of the stable commits that touch a file some vendor patch touches: no other can be equal.
  const near = range.filter((r) => r.commit.files.some((f) => vendorPaths.has(f))).map((r) => r.commit.sha);
  o.progress?.(`plan: patch-ids of ${vendor.length} vendor patches and ${near.length} stable commits`);
  const [vendorIds, rangeIds, baseHas] = await Promise.all([
    readPatchIds(
      repos.tree.where,
      vendor.map((c) => c.sha),
    ),
    readPatchIds(repos.stable, near),
    readBaseHas(repos, vendor),
  ]);
  const origins: Map<string, PatchOrigin> = assessPatchOrigins({
    vendor,
    range: range.map((r) => r.commit),
    patchIds: new Map([...vendorIds, ...rangeIds]),
    baseHas,
  });
  const target = repos.target.tag;
  return withScratchRepo(o.tmpDir, repos.objectDirs, async (scratch) => {
    const startTree = (await runGit(scratch, ['rev-parse', `${repos.target.sha}^{tree}`])).trim();
    const replay = vendor
      .filter((c) => origins.get(c.sha)?.kind !== 'upstream')
      .map((c) => ({ sha: c.sha, parent: c.parents[0] as string }));
    const chain = await runMergeChain(scratch, startTree, replay, o.progress);
    const conflicted = [...chain.results.values()].flatMap((r) =>
      r.clean ? [] : r.conflicts.map((c) => [r.tree, c.path] as const),
    );
    const hunks = await readConflictHunks(scratch, conflicted);
    // Which stable commits changed the conflicted lines: the lines each one changed in those files.
    const paths = new Set(conflicted.map(([, path]) => path));
    const touching = range.filter((r) => r.commit.files.some((f) => paths.has(f))).map((r) => r.commit.sha);
    const changedLines = await readChangedLines(repos.stable, touching, [...paths]);
    const { patches, fates } = assessVendorPatches({
      vendor,
      origins,
      merges: chain.results,
      hunks,
      changedLines,
      range,
      target,
    });
    if (o.writeBranch === null) return { patches, fates, branch: null, branchRefused: null };
    if (fates.conflict > 0 || fates['vendor-revert'] > 0) {
      const why = [
        fates.conflict ? `${fates.conflict} patch${fates.conflict === 1 ? '' : 'es'} in conflict` : '',
        fates['vendor-revert']
          ? `${fates['vendor-revert']} vendor revert${fates['vendor-revert'] === 1 ? '' : 's'} to decide`
          : '',
      ]
        .filter(Boolean)
        .join(' and ');
      return { patches, fates, branch: null, branchRefused: `branch ${o.writeBranch} not written: ${why}` };
    }
    const steps = replay.map((p) => ({ sha: p.sha, tree: (chain.results.get(p.sha) as { tree: string }).tree }));
    const written = await writePlanBranch({
      tree: repos.tree.where,
      scratch: { gitDir: scratch.gitDir as string },
      name: o.writeBranch,
      target: repos.target.sha,
      steps,
    });
    return { patches, fates, branch: { name: o.writeBranch, ...written }, branchRefused: null };
  });
}
