import type { Backport, TreeScan } from '../../domain/tree-scan.js';

/** Lookups over a scan: which record commits are present, their backports, and whether a commit was reverted. */
export type TreeLookup = {
  readonly scan: TreeScan;
  readonly present: ReadonlySet<string>;
  backportsOf(ref: string): readonly Backport[];
  /** The commit that reverts `commit` and is not itself reverted, or null. */
  revertOf(commit: string): string | null;
};

/** Builds the lookups once per scan (pure). */
export function planTreeLookup(scan: TreeScan): TreeLookup {
  const present = new Set(scan.present);
  const byRef = new Map<string, Backport[]>();
  for (const b of scan.backports) {
    const list = byRef.get(b.ref);
    if (list) list.push(b);
    else byRef.set(b.ref, [b]);
  }
  const revertsByKey = new Map<string, (readonly [string, string])[]>();
  for (const r of scan.reverts) {
    const key = r[0].slice(0, 12);
    const list = revertsByKey.get(key);
    if (list) list.push(r);
    else revertsByKey.set(key, [r]);
  }
  const revertOf = (commit: string, depth = 0): string | null => {
    if (depth > 8) return null;
    for (const [target, by] of revertsByKey.get(commit.slice(0, 12)) ?? []) {
      if (!commit.startsWith(target)) continue;
      // A revert that was itself reverted (a re-apply) does not undo the commit.
      if (revertOf(by, depth + 1) === null) return by;
    }
    return null;
  };
  return { scan, present, backportsOf: (ref) => byRef.get(ref) ?? [], revertOf: (c) => revertOf(c) };
}
