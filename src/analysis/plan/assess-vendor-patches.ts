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

/** A conflicted region of a merged file: its lines, and the target's and the merge base's sides of it. */
export type ConflictRegion = {
  readonly start: number;
  readonly end: number;
  readonly ours: readonly string[];
  readonly base: readonly string[];
};

/** The lines a commit added to and removed from a file. */
export type LineChanges = { readonly added: readonly string[]; readonly removed: readonly string[] };

export type VendorPatchesInput = {
  /** Oldest first. */
  readonly vendor: readonly PlanCommit[];
  readonly origins: ReadonlyMap<string, PatchOrigin>;
  /** The merge of every patch whose origin is not `upstream`. */
  readonly merges: ReadonlyMap<string, PatchMerge>;
  /** Conflicted regions, keyed `tree:path`. */
  readonly hunks: ReadonlyMap<string, readonly ConflictRegion[]>;
  /** The lines the stable commits of the range changed in the conflicted files: commit -> path -> lines. */
  readonly changedLines: ReadonlyMap<string, ReadonlyMap<string, LineChanges>>;
  readonly range: readonly RangeCommit[];
  readonly target: string;
};

// Lines that say something (not a brace, a blank or `return ret;`-sized noise shared by every function).
const telling = (line: string) => line.trim().length >= 12 && /[A-Za-z0-9_]/.test(line);

/**
 * The stable commits that changed a conflict's lines (pure): one whose added lines are on the target's side of a
 * conflicted region, or whose removed lines are on the merge base's side. When no line tells (a delete, a file git
 * could not merge line by line), every stable commit that touched the file.
 */
export function commitsInConflict(
  file: string,
  regions: readonly ConflictRegion[],
  touching: readonly StableTouch[],
  changed: ReadonlyMap<string, ReadonlyMap<string, LineChanges>>,
): StableTouch[] {
  const ours = new Set(
    regions
      .flatMap((r) => r.ours)
      .filter(telling)
      .map((l) => l.trim()),
  );
  const base = new Set(
    regions
      .flatMap((r) => r.base)
      .filter(telling)
      .map((l) => l.trim()),
  );
  const hits = touching.filter((t) => {
    const c = changed.get(t.commit)?.get(file);
    return c !== undefined && (c.added.some((l) => ours.has(l.trim())) || c.removed.some((l) => base.has(l.trim())));
  });
  return hits.length > 0 ? hits : [...touching];
}

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
    const conflicts: PatchConflict[] = merge.conflicts.map((c) => {
      const regions = input.hunks.get(`${merge.tree}:${c.path}`) ?? [];
      return {
        file: c.path,
        kind: conflictKind(merge.types.get(c.path), c.stages),
        hunks: regions.map((r) => ({ start: r.start, end: r.end })),
        stableCommits: commitsInConflict(c.path, regions, touches.get(c.path) ?? [], input.changedLines),
      };
    });
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
