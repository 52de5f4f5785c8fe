import type { CveRecord, DyadEntry } from '../../domain/cve.js';
import {
  compareBranchKeys,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from '../../domain/kernel-version.js';

/**
 * Version of the rules below. Caches of verdicts (the per-branch views) record it and are recomputed when it
 * changes: bump it with every change to what `assessVersion` answers.
 */
export const AFFECTEDNESS_RULES_VERSION = 3;

/** Which rule of docs/semantics.md decided a verdict. */
export const VERDICT_RULES = ['branch-fix', 'branch-intro', 'mainline', 'no-data'] as const;
export type VerdictRule = (typeof VERDICT_RULES)[number];

export type VersionVerdict = {
  readonly affected: boolean;
  /** Several different fixes on the version's branch and the choice matters here (docs/semantics.md, rule 4). */
  readonly ambiguous: boolean;
  /** Affected: the first release on the branch that is no longer affected; not affected: the fix it has. */
  readonly fixedOnBranch: string | null;
  /** The earliest mainline release with the fix. */
  readonly fixedUpstream: string | null;
  readonly rule: VerdictRule;
};

type Line = {
  readonly intro: KernelVersion | null;
  readonly fix: KernelVersion | null;
  /** The dyad named a fix that cannot be right (older than the intro); `fix` is then null but not "unfixed". */
  readonly fixDropped?: boolean;
};

const sameBranch = (a: KernelVersion, b: KernelVersion) =>
  a.branchKey[0] === b.branchKey[0] && a.branchKey[1] === b.branchKey[1] && a.branchKey[2] === b.branchKey[2];
const isMainlineRelease = (v: KernelVersion) => v.sublevel === 0 && v.rc === null;

/** Is the vulnerable code (introduced at `intro`) in V? An rc of X.Y counts as X.Y here (conservative). */
function hasIntro(intro: KernelVersion | null, v: KernelVersion): boolean {
  if (intro === null) return true;
  const byBranch = compareBranchKeys(intro.branchKey, v.branchKey);
  if (byBranch !== 0) return byBranch < 0;
  return intro.sublevel <= v.sublevel;
}

/** Is V before the fix? An rc of X.Y is before X.Y (the dyad does not say which rc carried a fix). */
function beforeFix(fix: KernelVersion | null, v: KernelVersion): boolean {
  return fix === null || compareKernelVersions(v, fix) < 0;
}

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
  if (record.dyad.length === 0) {
    return { affected: false, ambiguous: false, fixedOnBranch: null, fixedUpstream, rule: 'no-data' };
  }
  if (fixOnBranch) return assessBranchFix(toLines(record), v, fixedUpstream);
  if (introOnBranch) {
    // Rule 2: the bug reached the branch (often by a stable backport) and no fix did.
    return {
      affected: introOnBranchReached,
      ambiguous: false,
      fixedOnBranch: null,
      fixedUpstream,
      rule: 'branch-intro',
    };
  }
  // Rule 3: the branch is not named. It has the bug when mainline had it before the branch forked
  // (intro unknown or an earlier mainline release) and that introduction's mainline fix came after the fork.
  // Each introduction is judged with its own fixes: a bug fixed in 4.18 and brought back in 5.8 (CVE-2025-38585)
  // is in every branch from 5.8 on until the second fix.
  const affected = introBefore && (!fixedBefore || reintroduced(record, v));
  return {
    affected,
    ambiguous: false,
    fixedOnBranch: null,
    fixedUpstream,
    rule: 'mainline',
  };
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

function toLines(record: Pick<CveRecord, 'dyad'>): Line[] {
  return record.dyad.map(lineOf);
}

/**
 * A dyad line's versions. A fix older than its own introduction (CVE-2021-47645: `5.10 -> 5.2`) is inconsistent:
 * it cannot clear anything, so it is dropped and the introduction stands (docs/semantics.md, rule 7) -- as the
 * CNA's own JSON for that record reads, which leaves every later mainline affected.
 */
function lineOf(d: DyadEntry): Line {
  const intro = d.introVersion ? parseKernelVersion(d.introVersion) : null;
  const fix = d.fixVersion ? parseKernelVersion(d.fixVersion) : null;
  if (intro !== null && fix !== null && compareKernelVersions(fix, intro) < 0)
    return { intro, fix: null, fixDropped: true };
  return { intro, fix };
}

/**
 * Rule 1: the branch has its own fix lines. V is affected inside any [intro, fix) interval on the branch (the
 * union: with two fixes on one branch, the later one decides -- never a false "not affected").
 */
function assessBranchFix(lines: readonly Line[], v: KernelVersion, fixedUpstream: string | null): VersionVerdict {
  const spans = lines.filter(
    (l) =>
      (l.fix !== null && sameBranch(l.fix, v)) ||
      (l.fix === null && !l.fixDropped && l.intro !== null && sameBranch(l.intro, v)),
  );
  const at = (x: KernelVersion) => spans.some((l) => hasIntro(l.intro, x) && beforeFix(l.fix, x));
  const affected = at(v);
  const fixes: KernelVersion[] = [];
  for (const l of spans) {
    if (l.fix !== null && !fixes.some((f) => compareKernelVersions(f, l.fix as KernelVersion) === 0)) fixes.push(l.fix);
  }
  fixes.sort(compareKernelVersions);
  let fixedOnBranch: KernelVersion | null = null;
  if (affected) {
    fixedOnBranch = fixes.find((f) => compareKernelVersions(f, v) > 0 && !at(f)) ?? null;
  } else {
    for (const f of fixes) if (compareKernelVersions(f, v) <= 0) fixedOnBranch = f;
  }
  const first = fixes[0];
  const ambiguous = fixes.length > 1 && affected && first !== undefined && compareKernelVersions(v, first) >= 0;
  return {
    affected,
    ambiguous,
    fixedOnBranch: fixedOnBranch ? formatKernelVersion(fixedOnBranch) : null,
    fixedUpstream,
    rule: 'branch-fix',
  };
}
