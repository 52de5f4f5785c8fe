/** One path in conflict after a merge: the index stages git left for it (1 base, 2 ours, 3 theirs). */
export type ConflictedPath = { readonly path: string; readonly stages: readonly number[] };

/** What `git merge-tree --write-tree` said of one merge. */
export type MergeResult = {
  readonly clean: boolean;
  /** The merged tree; for a conflicted merge, files in conflict hold conflict markers. */
  readonly tree: string;
  readonly conflicts: readonly ConflictedPath[];
  /** git's conflict types by path (`CONFLICT (contents)`, `CONFLICT (modify/delete)`, …). */
  readonly types: ReadonlyMap<string, string>;
};

/**
 * Parses the output of one merge of `git merge-tree --write-tree --stdin` (git 2.38+; NUL-separated: status, tree,
 * the conflicted entries `<mode> <oid> <stage>\t<path>` up to an empty field, then messages as `<n paths>, paths,
 * type, text` up to an empty field; see git-merge-tree(1), "OUTPUT"). Pure; throws on output it does not know.
 */
export function parseMergeTree(output: string): MergeResult {
  const t = output.split('\0');
  let i = 0;
  const next = () => {
    if (i >= t.length)
      throw new Error(`unexpected end of git merge-tree output: ${JSON.stringify(output.slice(0, 200))}`);
    return t[i++] as string;
  };
  const status = next();
  if (status !== '0' && status !== '1') throw new Error(`git merge-tree: unexpected status ${JSON.stringify(status)}`);
  const tree = next();
  const stages = new Map<string, number[]>();
  if (status === '0') {
    for (let entry = next(); entry !== ''; entry = next()) {
      const m = /^\d+ [0-9a-f]+ (\d)\t(.*)$/s.exec(entry);
      if (!m) throw new Error(`git merge-tree: unexpected conflict entry ${JSON.stringify(entry)}`);
      const path = m[2] as string;
      stages.set(path, [...(stages.get(path) ?? []), Number(m[1])]);
    }
  }
  const types = new Map<string, string>();
  for (let count = next(); count !== ''; count = next()) {
    const paths = Array.from({ length: Number(count) }, next);
    const type = next();
    next(); // the message text
    for (const p of paths) if (type.startsWith('CONFLICT') && !types.has(p)) types.set(p, type);
  }
  const conflicts = [...stages].map(([path, s]) => ({ path, stages: s })).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { clean: status === '1', tree, conflicts, types };
}
