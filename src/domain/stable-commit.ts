/**
 * Stable commits between two releases of a branch, as a changelog or a stable git tree lists them: the fixes a
 * product gets by updating, CVE or not.
 */

/** Where a commit list came from: a Debian kernel changelog (subjects only) or a linux-stable clone (hashes too). */
export type StableSourceKind = 'changelog' | 'stable-tree';

/** Where `kgap plan` found its target release: the tree's tags, the tree's upstream ref, or a stable clone. */
export type TargetSource = 'tags' | 'upstream-ref' | 'stable-tree';

/** One commit of a stable update. */
export type StableCommit = {
  /** The stable release that shipped it, e.g. `6.1.171`. */
  readonly release: string;
  /** The commit subject, without the source's annotations (Debian's `[x86]` and `(CVE-…)`). */
  readonly subject: string;
  /**
   * Debian's architecture tag (`x86` of `[x86] bugs: …`), null elsewhere. Debian writes `x86/bugs: …` as
   * `[x86] bugs: …` and `arm64: dts: …` as `[arm64] dts: …`, so matching also tries the subject with it.
   */
  readonly archTag: string | null;
  /** The stable commit id, when the source has one (a stable tree does; a changelog does not). */
  readonly sha: string | null;
  /** CVE ids the source itself names for this commit (Debian appends them to the subject). */
  readonly cveIds: readonly string[];
};

/** The commits in (from, to] of one branch, from one source. */
export type StableCommitRange = {
  readonly kind: StableSourceKind;
  /** The file or directory they were read from. */
  readonly source: string;
  readonly from: string;
  readonly to: string;
  /** Newest release first, as both sources list them. */
  readonly commits: readonly StableCommit[];
  /** Releases in (from, to] the source does not describe: the counts miss their commits. */
  readonly missingReleases: readonly string[];
  /** Releases the source lists without a single commit subject (Debian does this now and then). */
  readonly emptyReleases: readonly string[];
};
