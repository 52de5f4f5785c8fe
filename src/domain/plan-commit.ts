/**
 * A commit as `kgap plan` reads it from a range (the vendor patches base..REV, the stable commits base..target):
 * what it changes and which commits its message names. Read by `sources/plan/read-commit-log.ts`, decided on by
 * `analysis/plan/`.
 */
export type PlanCommit = {
  readonly sha: string;
  readonly parents: readonly string[];
  /** Release tags on the commit (`v6.1.120`). */
  readonly tags: readonly string[];
  readonly subject: string;
  /** Commit ids its backport markers name (`commit <id> upstream.`, `(cherry picked from commit <id>)`, …). */
  readonly backportOf: readonly string[];
  /** Commit ids it reverts (`This reverts commit <id>.`). */
  readonly reverts: readonly string[];
  /** Paths it changes against its first parent (a rename as both paths); empty for a merge. */
  readonly files: readonly string[];
};
