import type { DyadEntry } from '../../domain/cve.js';
import {
  branchOf,
  compareBranchKeys,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
} from '../../domain/kernel-version.js';
import { isMainlineRelease, lineOf, sameBranch } from './dyad-line.js';

// A record's introductions as seen from one branch B, and the per-introduction judgement of docs/semantics.md
// (rules 1-3 and 5). Version mode asks it at a release (assess-branch-introductions.ts), tree mode at a commit
// (analysis/tree/tree-position.ts): the judgement is written once, only "what does the code have" differs.

/** One introduction (the dyad lines sharing an introducing release) as seen from branch B. */
export type Introduction = {
  readonly intro: KernelVersion | null;
  /** Its fixes on B, sorted. */
  readonly fixes: readonly KernelVersion[];
  /** A mainline fix of its own on a branch older than B: B forked with it. */
  readonly fixedBefore: KernelVersion | null;
  /** Its dyad lines, in record order (tree mode reads their commit ids). */
  readonly lines: readonly DyadEntry[];
};

/** A record's introductions on B (record order) and every fix release on B (sorted). */
export type BranchIntroductions = {
  /** Any version on B (it names the branch). */
  readonly branch: KernelVersion;
  readonly intros: readonly Introduction[];
  readonly fixes: readonly KernelVersion[];
};

/** Closed, open, or open for a reason the data leaves uncertain (the ambiguous kinds of rule 5). */
export type IntroductionState = 'closed' | 'open' | 'fixed-before' | 'several-fixes' | 'unpaired' | 'reintroduced';

/** What some code (a release, a tree) has of a record's introductions and of B's fixes. */
export type Position = {
  /** Does it have the vulnerable code of `i`? (Version mode: `i` reaches B and is not newer than the release.) */
  has(i: Introduction): boolean;
  /** Does it have B's fix released in `f`, as it applies to `i`? */
  hasFix(i: Introduction, f: KernelVersion): boolean;
  /** Is `i` closed by a fix the branch's lines do not name (tree mode: a backport of a mainline fix)? */
  closedElsewhere(i: Introduction): boolean;
};

/** The record's introductions as seen from B (V's branch): lines grouped by introducing release. */
export function planIntroductions(dyad: readonly DyadEntry[], v: KernelVersion): BranchIntroductions {
  const byKey = new Map<
    string,
    { intro: KernelVersion | null; fixes: KernelVersion[]; fixedBefore: KernelVersion | null; lines: DyadEntry[] }
  >();
  for (const d of dyad) {
    const { intro, fix } = lineOf(d);
    // By version, not commit: version mode reads the index without commit ids (tree mode has them), and both
    // must judge alike. Two commits of one release are one introduction, open while either is.
    const key = d.introVersion ?? '';
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { intro, fixes: [], fixedBefore: null, lines: [] };
      byKey.set(key, entry);
    }
    entry.lines.push(d);
    if (fix === null) continue;
    if (sameBranch(fix, v)) entry.fixes.push(fix);
    else if (isMainlineRelease(fix) && compareBranchKeys(fix.branchKey, v.branchKey) < 0) {
      if (entry.fixedBefore === null || compareKernelVersions(fix, entry.fixedBefore) < 0) entry.fixedBefore = fix;
    }
  }
  const intros = [...byKey.values()].map((e) => ({ ...e, fixes: sortedUnique(e.fixes) }));
  return { branch: v, intros, fixes: sortedUnique(intros.flatMap((i) => i.fixes)) };
}

/**
 * Is introduction `i` open at `at` (on B), and is that certain? One with fixes on B (paired) is open until all of
 * them are in; one with none (unpaired) is closed by the first fix on B released at or after it, and stays open when
 * it came after every fix on B (a reintroduction) or B has no fix at all (rules 2 and 3).
 */
export function introductionState(i: Introduction, at: Position, b: BranchIntroductions): IntroductionState {
  if (!at.has(i)) return 'closed';
  const state = heldState(i, at, b);
  // Asked last: only the tree answers it, and it costs a look at every other fix the record names.
  return state !== 'closed' && at.closedElsewhere(i) ? 'closed' : state;
}

function heldState(i: Introduction, at: Position, b: BranchIntroductions): IntroductionState {
  if (i.fixes.length > 0) {
    const fixesIn = i.fixes.filter((f) => at.hasFix(i, f)).length;
    if (fixesIn === i.fixes.length) return 'closed';
    if (i.fixedBefore !== null) return 'fixed-before';
    return fixesIn > 0 ? 'several-fixes' : 'open';
  }
  if (i.fixedBefore !== null) return 'closed';
  const onBranch = i.intro !== null && sameBranch(i.intro, b.branch);
  const closer = closerOf(i, b);
  if (closer === undefined) return onBranch && b.fixes.length > 0 ? 'reintroduced' : 'open';
  if (at.hasFix(i, closer)) return 'closed';
  // A stable backport on B that the CNA pairs with no fix: its JSON lists no range for it at all, kgap infers the
  // fix. A mainline introduction before B's fix is what the JSON's default says (`affected` below `F <= v <= X.Y.*`).
  return onBranch && !isMainlineRelease(i.intro as KernelVersion) ? 'unpaired' : 'open';
}

/** An unpaired introduction's closing fix: the first fix on B at or after it (any fix on B when it came from before B). */
export function closerOf(i: Introduction, b: BranchIntroductions): KernelVersion | undefined {
  const intro = i.intro;
  if (intro === null || !sameBranch(intro, b.branch)) return b.fixes[0];
  return b.fixes.find((f) => compareKernelVersions(f, intro) >= 0);
}

/** Every introduction's state at `at`, and the verdict: affected while any is open, ambiguous when none is plainly. */
export function judgeIntroductions(
  b: BranchIntroductions,
  at: Position,
): { states: IntroductionState[]; affected: boolean; ambiguousReason: string | null } {
  const states = b.intros.map((i) => introductionState(i, at, b));
  const certain = states.includes('open');
  const k = states.findIndex((s) => s !== 'closed' && s !== 'open');
  const ambiguousReason = certain || k < 0 ? null : reasonOf(b.intros[k] as Introduction, states[k] as Ambiguous, b);
  return { states, affected: certain || k >= 0, ambiguousReason };
}

const list = (vs: readonly KernelVersion[]) => vs.map(formatKernelVersion).join(', ');
type Ambiguous = Exclude<IntroductionState, 'closed' | 'open'>;

/** The sentence `ambiguousReason` carries (docs/semantics.md, rule 5); constant between the versions the dyad names. */
function reasonOf(i: Introduction, state: Ambiguous, b: BranchIntroductions): string {
  const branch = branchOf(b.branch);
  const intro = i.intro ? formatKernelVersion(i.intro) : 'an unknown release';
  switch (state) {
    case 'fixed-before':
      return `fixed in ${formatKernelVersion(i.fixedBefore as KernelVersion)} before ${branch} forked and again on ${branch} in ${list(i.fixes)}: the later fix decides`;
    case 'several-fixes':
      return `several fixes on ${branch} (${list(i.fixes)}): the later one decides`;
    case 'unpaired':
      return `introduced in ${intro} with no fix paired (the CNA's JSON lists no range for it): taken as fixed by ${formatKernelVersion(closerOf(i, b) as KernelVersion)}, the next fix on ${branch}`;
    case 'reintroduced':
      return `introduced again in ${intro} after the last fix on ${branch} (${formatKernelVersion(b.fixes.at(-1) as KernelVersion)}), with no fix listed`;
  }
}

function sortedUnique(vs: readonly KernelVersion[]): KernelVersion[] {
  const sorted = [...vs].sort(compareKernelVersions);
  return sorted.filter((x, k) => k === 0 || compareKernelVersions(x, sorted[k - 1] as KernelVersion) !== 0);
}
