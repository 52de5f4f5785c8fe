import type { PlanCommit } from '../../domain/plan-commit.js';
import { ShaPrefixIndex } from '../../domain/record-commits.js';
import type { PatchEvidence } from './plan-report.js';

/**
 * What is known of a vendor patch before any merge: it is already in the target (`upstream`), it reverts an upstream
 * fix the target has (`vendor-revert`, tried by merge too), or only a merge onto the target can tell (`replay`).
 */
export type PatchOrigin =
  | { readonly kind: 'upstream'; readonly evidence: PatchEvidence }
  | { readonly kind: 'vendor-revert'; readonly evidence: PatchEvidence }
  | { readonly kind: 'replay'; readonly hint: string | null };

export type PatchOriginInput = {
  /** Vendor patches, oldest first (non-merge commits of base..rev). */
  readonly vendor: readonly PlanCommit[];
  /** The stable commits of base..target. */
  readonly range: readonly PlanCommit[];
  /** `git patch-id --stable` of commits of either list (those with a diff). */
  readonly patchIds: ReadonlyMap<string, string>;
  /** Ids (as the vendor's revert lines write them) of reverted commits the base release already has. */
  readonly baseHas: ReadonlySet<string>;
};

const short = (sha: string) => sha.slice(0, 12);

function firstIn<T>(index: ShaPrefixIndex, ids: readonly string[], lookup: ReadonlyMap<string, T>): [string, T] | null {
  for (const id of ids) {
    for (const full of index.find(id)) {
      const hit = lookup.get(full);
      if (hit !== undefined) return [id, hit];
    }
  }
  return null;
}

/**
 * Decides the fates that need no merge (pure; docs/plan.md, "Fates"), in patch order. Evidence, strongest first:
 * a revert of a commit the target reverts too (revert pair); an equal patch-id with a stable commit of the range;
 * a backport marker naming a commit the range holds, or the upstream commit a range commit is itself a backport of;
 * then a revert of a commit the target holds (the base's, the range's, or a vendor backport found upstream).
 */
export function assessPatchOrigins(input: PatchOriginInput): Map<string, PatchOrigin> {
  const rangeBySha = new Map(input.range.map((c) => [c.sha, c]));
  const rangeIndex = new ShaPrefixIndex(rangeBySha.keys());
  // Upstream ids the range's own backport markers name (stable's "commit <id> upstream."), and its reverts.
  const byUpstream = new Map<string, PlanCommit>();
  const byReverted = new Map<string, PlanCommit>();
  for (const c of input.range) {
    for (const id of c.backportOf) if (!byUpstream.has(id)) byUpstream.set(id, c);
    for (const id of c.reverts) if (!byReverted.has(id)) byReverted.set(id, c);
  }
  const upstreamIndex = new ShaPrefixIndex(byUpstream.keys());
  const revertedIndex = new ShaPrefixIndex(byReverted.keys());
  const byPatchId = new Map<string, PlanCommit>();
  for (const c of input.range) {
    const pid = input.patchIds.get(c.sha);
    if (pid && !byPatchId.has(pid)) byPatchId.set(pid, c);
  }
  const origins = new Map<string, PatchOrigin>();
  const vendorIndex = new ShaPrefixIndex(input.vendor.map((c) => c.sha));
  const subjects = new Map(input.range.map((c) => [c.subject, c]));
  for (const patch of input.vendor) {
    const upstream = (kind: PatchEvidence['kind'], commits: string[], detail: string): PatchOrigin => ({
      kind: 'upstream',
      evidence: { kind, commits, detail },
    });
    const pair = firstIn(revertedIndex, patch.reverts, byReverted);
    const pid = input.patchIds.get(patch.sha);
    const equal = pid ? byPatchId.get(pid) : undefined;
    const held = firstIn(rangeIndex, patch.backportOf, rangeBySha);
    const sameUpstream = firstIn(upstreamIndex, patch.backportOf, byUpstream);
    let origin: PatchOrigin;
    if (pair) {
      origin = upstream(
        'revert-pair',
        [pair[1].sha],
        `reverts ${short(pair[0])}, and the target reverts it too (${short(pair[1].sha)} "${pair[1].subject}")`,
      );
    } else if (equal) {
      origin = upstream(
        'patch-id',
        [equal.sha],
        `same patch-id as stable commit ${short(equal.sha)} "${equal.subject}"`,
      );
    } else if (held) {
      origin = upstream('marker', [held[1].sha], `backport marker names ${short(held[0])}, which the target has`);
    } else if (sameUpstream) {
      origin = upstream(
        'marker',
        [sameUpstream[1].sha],
        `backport marker names upstream ${short(sameUpstream[0])}, as stable commit ${short(sameUpstream[1].sha)} "${sameUpstream[1].subject}" does`,
      );
    } else {
      origin = revertOrigin(patch, { rangeIndex, rangeBySha, vendorIndex, origins, baseHas: input.baseHas }) ?? {
        kind: 'replay',
        hint: subjects.has(patch.subject)
          ? `stable commit ${short((subjects.get(patch.subject) as PlanCommit).sha)} has the same subject: an adapted copy of it?`
          : null,
      };
    }
    origins.set(patch.sha, origin);
  }
  return origins;
}

/** A revert of a commit the target holds: the base's, one of the range, or a vendor patch found upstream. */
function revertOrigin(
  patch: PlanCommit,
  known: {
    readonly rangeIndex: ShaPrefixIndex;
    readonly rangeBySha: ReadonlyMap<string, PlanCommit>;
    readonly vendorIndex: ShaPrefixIndex;
    readonly origins: ReadonlyMap<string, PatchOrigin>;
    readonly baseHas: ReadonlySet<string>;
  },
): PatchOrigin | null {
  for (const id of patch.reverts) {
    const make = (commits: string[], why: string): PatchOrigin => ({
      kind: 'vendor-revert',
      evidence: {
        kind: 'reverts-upstream',
        commits,
        detail: `reverts ${short(id)}, ${why}: the target brings the fix back; decide whether to keep reverting it`,
      },
    });
    if (known.baseHas.has(id)) return make([id], 'a commit of the base release the target still has');
    const inRange = known.rangeIndex.find(id)[0];
    if (inRange) return make([inRange], `a stable commit the target has ("${known.rangeBySha.get(inRange)?.subject}")`);
    for (const vendorSha of known.vendorIndex.find(id)) {
      const o = known.origins.get(vendorSha);
      if (o?.kind === 'upstream')
        return make([vendorSha, ...o.evidence.commits], `a vendor patch the target has (${o.evidence.detail})`);
    }
  }
  return null;
}
