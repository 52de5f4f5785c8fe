import type { CveRecord } from '../../domain/cve.js';
import {
  compareBranchKeys,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
} from '../../domain/kernel-version.js';
import { assessBranchIntroductions } from './assess-branch-introductions.js';
import { hasIntro, isMainlineRelease, lineOf, sameBranch } from './dyad-line.js';

/**
 * Version of the rules below. Caches of verdicts (the per-branch views) record it and are recomputed when it
 * changes: bump it with every change to what `assessVersion` answers.
 * 4: introductions judged one by one on the branch (unpaired ones closed by the branch's next fix), reasons for
 * ambiguity.
 */
export const AFFECTEDNESS_RULES_VERSION = 4;

/** Which rule of docs/semantics.md decided a verdict. */
export type VerdictRule = 'branch-fix' | 'branch-intro' | 'mainline' | 'no-data';

export type VersionVerdict = {
  readonly affected: boolean;
  /** The verdict rests on a reading the data leaves open (docs/semantics.md, rule 5): `ambiguousReason` says which. */
  readonly ambiguous: boolean;
  /** One sentence naming the versions involved when `ambiguous`, else null. */
  readonly ambiguousReason: string | null;
  /** Affected: the first release on the branch that is no longer affected; not affected: the fix it has. */
  readonly fixedOnBranch: string | null;
  /** The earliest mainline release with the fix. */
  readonly fixedUpstream: string | null;
  readonly rule: VerdictRule;
};

/**
 * Is version V affected by a CVE, from its `.dyad` lines? The rules, with the CVE ids that exercise them, are in
 * docs/semantics.md ("Affectedness of a version").
 */
export function assessVersion(record: Pick<CveRecord, 'dyad'>, v: KernelVersion): VersionVerdict {
  // One allocation-free pass decides which rule applies and gathers what rules 2 and 3 need; most records never
  // touch V's branch, and this runs 14,600 times per query.
  let upstream: KernelVersion | null = null;
  let fixOnBranch = false;
  let introOnBranch = false;
  let introOnBranchReached = false;
  let introBefore = false;
  let fixedBefore = false;
  for (const d of record.dyad) {
    const { intro, fix } = lineOf(d);
    if (fix !== null) {
      const mainline = isMainlineRelease(fix);
      if (mainline && (upstream === null || compareKernelVersions(fix, upstream) < 0)) upstream = fix;
      if (sameBranch(fix, v)) fixOnBranch = true;
      if (mainline && compareBranchKeys(fix.branchKey, v.branchKey) < 0) fixedBefore = true;
    }
    if (intro === null) introBefore = true;
    else {
      if (sameBranch(intro, v)) {
        introOnBranch = true;
        if (hasIntro(intro, v)) introOnBranchReached = true;
      }
      if (isMainlineRelease(intro) && hasIntro(intro, v)) introBefore = true;
    }
  }
  const fixedUpstream = upstream ? formatKernelVersion(upstream) : null;
  if (record.dyad.length === 0) return plainVerdict(false, 'no-data', fixedUpstream);
  if (fixOnBranch) {
    // Rule 1: the branch has its own fix (often a backport); its introductions are judged one by one.
    const b = assessBranchIntroductions(record, v);
    return {
      affected: b.affected,
      ambiguous: b.ambiguousReason !== null,
      ambiguousReason: b.ambiguousReason,
      fixedOnBranch: b.fixedOnBranch,
      fixedUpstream,
      rule: 'branch-fix',
    };
  }
  // Rule 3: the bug came from mainline. V has it when mainline had it before V's branch forked (intro unknown or
  // an earlier mainline release) and that introduction's mainline fix came after the fork. Each introduction is
  // judged with its own fixes: a bug fixed in 4.18 and brought back in 5.8 (CVE-2025-38585) is in every branch from
  // 5.8 on until the second fix.
  const fromMainline = introBefore && (!fixedBefore || reintroduced(record, v));
  if (!introOnBranch) return plainVerdict(fromMainline, 'mainline', fixedUpstream);
  // Rule 2: the bug reached the branch (often by a stable backport) and no fix did; before that introduction V
  // can still have it from mainline.
  const rule = introOnBranchReached || !fromMainline ? 'branch-intro' : 'mainline';
  return plainVerdict(introOnBranchReached || fromMainline, rule, fixedUpstream);
}

function plainVerdict(affected: boolean, rule: VerdictRule, fixedUpstream: string | null): VersionVerdict {
  return { affected, ambiguous: false, ambiguousReason: null, fixedOnBranch: null, fixedUpstream, rule };
}

/**
 * With several introductions, is there one that V has whose own lines name no mainline fix from before V's
 * branch forked? Only asked when some mainline fix predates the branch, which is rare enough to allocate here.
 */
function reintroduced(record: Pick<CveRecord, 'dyad'>, v: KernelVersion): boolean {
  const fixedByIntro = new Map<string, boolean>();
  for (const d of record.dyad) {
    const { intro, fix } = lineOf(d);
    if (intro !== null && !(isMainlineRelease(intro) && hasIntro(intro, v))) continue;
    const key = d.introVersion ?? '';
    const fixedHere = fix !== null && isMainlineRelease(fix) && compareBranchKeys(fix.branchKey, v.branchKey) < 0;
    fixedByIntro.set(key, (fixedByIntro.get(key) ?? false) || fixedHere);
  }
  for (const fixed of fixedByIntro.values()) if (!fixed) return true;
  return false;
}
