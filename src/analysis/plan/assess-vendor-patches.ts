import type { PlanCommit } from '../../domain/plan-commit.js';
import type { PatchOrigin } from './assess-patch-origins.js';
import type { FateCounts, PatchConflict, PatchEvidence, StableTouch, VendorPatch } from './plan-report.js';
import type { RangeCommit } from './summarize-stable-fixes.js';

/** A merge of one vendor patch onto the target, as git reported it. */
export type PatchMerge = {
  readonly clean: boolean;
  readonly tree: string;
  readonly conflicts: readonly { readonly path: string; readonly stages: readonly number[] }[];
  /** git's conflict type per path (`CONFLICT (contents)`, …). */
  readonly types: ReadonlyMap<string, string>;
};

export type VendorPatchesInput = {
  /** Oldest first. */
  readonly vendor: readonly PlanCommit[];
  readonly origins: ReadonlyMap<string, PatchOrigin>;
  /** The merge of every patch whose origin is not `upstream`. */
  readonly merges: ReadonlyMap<string, PatchMerge>;
  /** Conflicted regions, keyed `tree:path`. */
  readonly hunks: ReadonlyMap<string, readonly { readonly start: number; readonly end: number }[]>;
  readonly range: readonly RangeCommit[];
  readonly target: string;
};

/**
 * git's conflict type in short (`content`, `add/add`, `modify/delete`, `rename/delete`, …). git's type token says
 * "contents" for an add/add conflict too (its message says add/add), so the index stages decide those: no base
 * stage is add/add, both sides is content, one side is modify/delete.
 */
export function conflictKind(type: string | undefined, stages: readonly number[]): string {
  const m = type ? /^CONFLICT \(([^)]+)\)/.exec(type) : null;
  if (m?.[1] && m[1] !== 'contents') return m[1];
  if (!stages.includes(1)) return 'add/add';
  return stages.includes(2) && stages.includes(3) ? 'content' : 'modify/delete';
}

const short = (sha: string) => sha.slice(0, 12);

/** Every vendor patch with its fate, evidence and conflicts, in patch order; and the count per fate (pure). */
export function assessVendorPatches(input: VendorPatchesInput): { patches: VendorPatch[]; fates: FateCounts } {
  // Stable commits per file, oldest first (the range is listed newest first).
  const touches = new Map<string, StableTouch[]>();
  for (const { commit, release } of [...input.range].reverse()) {
    for (const file of commit.files) {
      const list = touches.get(file) ?? [];
      list.push({ commit: commit.sha, subject: commit.subject, release });
      touches.set(file, list);
    }
  }
  const fates = { upstream: 0, clean: 0, conflict: 0, 'vendor-revert': 0 };
  const patches = input.vendor.map((commit): VendorPatch => {
    const origin = input.origins.get(commit.sha) ?? { kind: 'replay', hint: null };
    const make = (
      fate: VendorPatch['fate'],
      conflicts: PatchConflict[],
      evidence: PatchEvidence,
      reapplies: VendorPatch['reapplies'] = null,
    ): VendorPatch => {
      fates[fate]++;
      return { commit: commit.sha, subject: commit.subject, fate, files: commit.files, conflicts, evidence, reapplies };
    };
    if (origin.kind === 'upstream') return make('upstream', [], origin.evidence);
    const merge = input.merges.get(commit.sha);
    if (!merge) throw new Error(`no merge result for vendor patch ${commit.sha}`);
    const conflicts: PatchConflict[] = merge.conflicts.map((c) => ({
      file: c.path,
      kind: conflictKind(merge.types.get(c.path), c.stages),
      hunks: input.hunks.get(`${merge.tree}:${c.path}`) ?? [],
      stableCommits: touches.get(c.path) ?? [],
    }));
    if (origin.kind === 'vendor-revert')
      return make('vendor-revert', conflicts, origin.evidence, merge.clean ? 'clean' : 'conflict');
    const hint = origin.hint ? `; ${origin.hint}` : '';
    if (merge.clean)
      return make('clean', conflicts, {
        kind: 'merge',
        commits: [],
        detail: `merges cleanly onto ${input.target} and the patches before it${hint}`,
      });
    const stable = [...new Set(conflicts.flatMap((c) => c.stableCommits.map((s) => s.commit)))];
    const files = conflicts.map((c) => `${c.file}: ${c.kind}`).join(', ');
    const by = stable.length
      ? `changed by ${stable.map(short).join(', ')}`
      : 'changed by no stable commit of the range: it depends on an earlier vendor patch that is upstream or in conflict';
    return make('conflict', conflicts, {
      kind: 'merge',
      commits: stable,
      detail: `${conflicts.length} file${conflicts.length === 1 ? '' : 's'} in conflict on ${input.target} (${files}), ${by}${hint}`,
    });
  });
  return { patches, fates };
}
