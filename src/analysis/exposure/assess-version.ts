import type { CveRecord, DyadEntry } from '../../domain/cve.js';
import {
  compareBranchKeys,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from '../../domain/kernel-version.js';

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

type Line = { readonly intro: KernelVersion | null; readonly fix: KernelVersion | null };

function toLines(dyad: readonly DyadEntry[]): Line[] {
  return dyad.map((d) => ({
    intro: d.introVersion ? parseKernelVersion(d.introVersion) : null,
    fix: d.fixVersion ? parseKernelVersion(d.fixVersion) : null,
  }));
}

const sameBranch = (a: KernelVersion, b: KernelVersion) => compareBranchKeys(a.branchKey, b.branchKey) === 0;
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

function earliestMainlineFix(lines: readonly Line[]): KernelVersion | null {
  let best: KernelVersion | null = null;
  for (const l of lines) {
    if (l.fix && isMainlineRelease(l.fix) && (best === null || compareKernelVersions(l.fix, best) < 0)) best = l.fix;
  }
  return best;
}

/**
 * Is version V affected by a CVE, from its `.dyad` lines? The rules, with the CVE ids that exercise them, are in
 * docs/semantics.md ("Affectedness of a version").
 */
export function assessVersion(record: Pick<CveRecord, 'dyad'>, v: KernelVersion): VersionVerdict {
  const lines = toLines(record.dyad);
  const upstream = earliestMainlineFix(lines);
  const fixedUpstream = upstream ? formatKernelVersion(upstream) : null;
  if (lines.length === 0)
    return { affected: false, ambiguous: false, fixedOnBranch: null, fixedUpstream, rule: 'no-data' };

  // Rule 1: the branch has its own fix lines. V is affected inside any [intro, fix) interval on the branch
  // (the union: with two fixes on one branch, the later one decides -- never a false "not affected").
  const fixLines = lines.filter((l) => l.fix !== null && sameBranch(l.fix, v));
  const unfixedOnBranch = lines.filter((l) => l.fix === null && l.intro !== null && sameBranch(l.intro, v));
  if (fixLines.length > 0) {
    const spans = [...fixLines, ...unfixedOnBranch];
    const at = (x: KernelVersion) => spans.some((l) => hasIntro(l.intro, x) && beforeFix(l.fix, x));
    const affected = at(v);
    const fixes = [...new Set(fixLines.map((l) => formatKernelVersion(l.fix as KernelVersion)))]
      .map((t) => parseKernelVersion(t) as KernelVersion)
      .sort(compareKernelVersions);
    let fixedOnBranch: KernelVersion | null = null;
    if (affected) {
      fixedOnBranch = fixes.find((f) => compareKernelVersions(f, v) > 0 && !at(f)) ?? null;
    } else {
      fixedOnBranch = [...fixes].reverse().find((f) => compareKernelVersions(f, v) <= 0) ?? null;
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
  // Rule 2: the bug reached the branch (often by a stable backport) and no fix did.
  const introLines = lines.filter((l) => l.intro !== null && sameBranch(l.intro, v));
  if (introLines.length > 0) {
    const affected = introLines.some((l) => hasIntro(l.intro, v));
    return { affected, ambiguous: false, fixedOnBranch: null, fixedUpstream, rule: 'branch-intro' };
  }
  // Rule 3: the branch is not named. It has the bug when mainline had it before the branch forked
  // (intro unknown or an earlier mainline release) and the mainline fix came after the fork.
  const introBefore = lines.some((l) => l.intro === null || (isMainlineRelease(l.intro) && hasIntro(l.intro, v)));
  const fixedBefore = lines.some(
    (l) => l.fix !== null && isMainlineRelease(l.fix) && compareBranchKeys(l.fix.branchKey, v.branchKey) < 0,
  );
  return {
    affected: introBefore && !fixedBefore,
    ambiguous: false,
    fixedOnBranch: null,
    fixedUpstream,
    rule: 'mainline',
  };
}
