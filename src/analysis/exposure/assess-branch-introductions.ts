import type { CveRecord } from '../../domain/cve.js';
import { compareKernelVersions, formatKernelVersion, type KernelVersion } from '../../domain/kernel-version.js';
import { beforeFix, hasIntro, isMainlineRelease, sameBranch } from './dyad-line.js';
import {
  type BranchIntroductions,
  type Introduction,
  introductionState,
  judgeIntroductions,
  type Position,
  planIntroductions,
} from './introductions.js';

/** The verdict of rule 1 (docs/semantics.md): V's branch names a fix. */
export type BranchVerdict = {
  readonly affected: boolean;
  /** Why the verdict is uncertain (docs/semantics.md, rule 5); null when it is not. */
  readonly ambiguousReason: string | null;
  readonly fixedOnBranch: string | null;
};

/**
 * Release X as a position: it has an introduction that reaches B (one with fixes on B, one on B, a mainline release
 * or unknown — a stable backport on another branch never reaches B) and is not newer than X, and the fixes on B
 * released up to X.
 */
export function releasePosition(x: KernelVersion): Position {
  const reaches = (i: Introduction) =>
    i.fixes.length > 0 || i.intro === null || sameBranch(i.intro, x) || isMainlineRelease(i.intro);
  return {
    has: (i) => reaches(i) && hasIntro(i.intro, x),
    hasFix: (_i, f) => !beforeFix(f, x),
    closedElsewhere: () => false,
  };
}

/**
 * Rule 1: V's branch B names a fix. Each introducing release is judged on its own (introductions.ts):
 * one with fixes on B is open until the last of them; one the dyad pairs with no fix on B is closed by the first
 * fix on B released at or after it (CVE-2023-53012: `6.1.2:…:0:0` beside `6.1.9:…:6.1.9:…`), and stays open when
 * it came after every fix on B (a reintroduction). V is affected while any introduction it has is open; the
 * fixing release is the first fix on B after V where none is.
 */
export function assessBranchIntroductions(record: Pick<CveRecord, 'dyad'>, v: KernelVersion): BranchVerdict {
  const b = planIntroductions(record.dyad, v);
  const { affected, ambiguousReason } = judgeIntroductions(b, releasePosition(v));
  return { affected, ambiguousReason, fixedOnBranch: fixedOnBranchOf(b, v, affected) };
}

/** Affected: the first fix on B after V at which no introduction is open; not affected: the last fix V has. */
function fixedOnBranchOf(b: BranchIntroductions, v: KernelVersion, affected: boolean): string | null {
  let found: KernelVersion | null = null;
  if (affected) {
    found =
      b.fixes.find(
        (f) =>
          compareKernelVersions(f, v) > 0 &&
          b.intros.every((i) => introductionState(i, releasePosition(f), b) === 'closed'),
      ) ?? null;
  } else for (const f of b.fixes) if (compareKernelVersions(f, v) <= 0) found = f;
  return found ? formatKernelVersion(found) : null;
}
