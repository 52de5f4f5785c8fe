import type { CveRecord } from '../../domain/cve.js';
import type { Evidence, EvidenceKind } from './tree-evidence.js';
import type { TreeLookup } from './tree-lookup.js';

/** One way the tree carries a record commit, and whether a revert undid it. */
export type Found = Evidence & { readonly undoneBy: string | null; readonly vendor: boolean };

const RANK: Record<EvidenceKind, number> = {
  'fix-commit': 0,
  'backport-marker': 1,
  'patch-id': 2,
  subject: 3,
  reverted: 4,
  'intro-present': 5,
  'intro-absent': 6,
  'no-fix-in-history': 7,
  'version-rule': 8,
};

export const short = (sha: string) => sha.slice(0, 12);

/** Strongest first: by kind, upstream before vendor, then by commit for determinism. */
export const byStrength = (a: Found, b: Found) =>
  RANK[a.kind] - RANK[b.kind] || Number(a.vendor) - Number(b.vendor) || ((a.commit ?? '') < (b.commit ?? '') ? -1 : 1);

/** Ancestry or a marker: what the several-fixes rule accepts (tree rule 7). */
export const isStrong = (f: Found) => f.kind === 'fix-commit' || f.kind === 'backport-marker';

/** The evidence as reported, with a revert said in words. */
export const plainEvidence = ({ undoneBy, vendor: _v, ...e }: Found): Evidence =>
  undoneBy ? { ...e, detail: `${e.detail}, but reverted by ${short(undoneBy)}` } : e;

/**
 * Every way the tree carries one record commit: as an ancestor, or through a backport (marker, patch-id, subject).
 * A carrier that is itself one of the record's commits is left out: the record already says what that commit is
 * (CVE-2025-40237's 6.6.73 fix names the mainline fix as its upstream, yet closes only the 6.6.72 introduction).
 */
export function carriersOf(
  ref: string,
  tree: TreeLookup,
  role: 'fix' | 'intro',
  recordCommits: () => ReadonlySet<string>,
): Found[] {
  const found: Found[] = [];
  const what = role === 'fix' ? 'fix' : 'introducing commit';
  if (tree.present.has(ref)) {
    found.push({
      kind: role === 'fix' ? 'fix-commit' : 'intro-present',
      commit: ref,
      ref,
      confidence: 'high',
      detail: `${what} ${short(ref)} is an ancestor of the revision`,
      undoneBy: tree.revertOf(ref),
      vendor: false,
    });
  }
  for (const b of tree.backportsOf(ref)) {
    if (b.commit !== ref && recordCommits().has(b.commit)) continue;
    const via = b.match.via;
    const kind: EvidenceKind =
      role === 'intro'
        ? 'intro-present'
        : via === 'marker'
          ? 'backport-marker'
          : via === 'patch-id'
            ? 'patch-id'
            : 'subject';
    const how =
      b.match.via === 'marker'
        ? `a backport marker (${b.match.style}) naming`
        : via === 'patch-id'
          ? 'the same patch-id (git patch-id --stable) as'
          : 'only the same subject line as (weak: the diff was not compared)';
    found.push({
      kind,
      commit: b.commit,
      ref,
      confidence: via === 'marker' ? 'high' : via === 'patch-id' ? 'medium' : 'low',
      detail: `${b.vendor ? 'vendor ' : ''}commit ${short(b.commit)} carries ${how} ${what} ${short(ref)}`,
      undoneBy: tree.revertOf(b.commit),
      vendor: b.vendor,
    });
  }
  return found;
}

/** Every commit id the record names (dyad, `.sha1`, `.vulnerable`). */
export function recordCommitSet(record: CveRecord): Set<string> {
  const all = new Set<string>([...record.fixShas, ...record.vulnerableShas]);
  for (const d of record.dyad) {
    if (d.introSha) all.add(d.introSha);
    if (d.fixSha) all.add(d.fixSha);
  }
  return all;
}
