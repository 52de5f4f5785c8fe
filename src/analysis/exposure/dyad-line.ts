import type { DyadEntry } from '../../domain/cve.js';
import {
  compareBranchKeys,
  compareKernelVersions,
  type KernelVersion,
  parseKernelVersion,
} from '../../domain/kernel-version.js';

// How one `.dyad` line's releases relate to a version V: the vocabulary of the rules in docs/semantics.md
// ("Affectedness of a version"), shared by assess-version.ts and assess-branch-introductions.ts.

/** Same stable branch (6.1.2 and 6.1.170; an rc of 6.2 is on 6.2). */
export const sameBranch = (a: KernelVersion, b: KernelVersion) =>
  a.branchKey[0] === b.branchKey[0] && a.branchKey[1] === b.branchKey[1] && a.branchKey[2] === b.branchKey[2];
/** A mainline release (6.1), not a stable update or an rc. */
export const isMainlineRelease = (v: KernelVersion) => v.sublevel === 0 && v.rc === null;

/** Is the vulnerable code (introduced at `intro`) in V? An rc of X.Y counts as X.Y here (conservative). */
export function hasIntro(intro: KernelVersion | null, v: KernelVersion): boolean {
  if (intro === null) return true;
  const byBranch = compareBranchKeys(intro.branchKey, v.branchKey);
  if (byBranch !== 0) return byBranch < 0;
  return intro.sublevel <= v.sublevel;
}

/** Is V before the fix? An rc of X.Y is before X.Y (the dyad does not say which rc carried a fix). */
export function beforeFix(fix: KernelVersion | null, v: KernelVersion): boolean {
  return fix === null || compareKernelVersions(v, fix) < 0;
}

/**
 * A dyad line's versions. A fix older than its own introduction (CVE-2021-47645: `5.10 -> 5.2`) is inconsistent:
 * it cannot clear anything, so it is dropped and the introduction stands (docs/semantics.md, rule 7).
 */
export function lineOf(d: DyadEntry): { intro: KernelVersion | null; fix: KernelVersion | null } {
  const intro = d.introVersion ? parseKernelVersion(d.introVersion) : null;
  const fix = d.fixVersion ? parseKernelVersion(d.fixVersion) : null;
  if (intro !== null && fix !== null && compareKernelVersions(fix, intro) < 0) return { intro, fix: null };
  return { intro, fix };
}
