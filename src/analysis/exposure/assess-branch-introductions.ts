import type { CveRecord, DyadEntry } from '../../domain/cve.js';
import {
  branchOf,
  compareBranchKeys,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
} from '../../domain/kernel-version.js';
import { beforeFix, hasIntro, isMainlineRelease, lineOf, sameBranch } from './dyad-line.js';

/** The verdict of rule 1 (docs/semantics.md): V's branch names a fix. */
export type BranchVerdict = {
  readonly affected: boolean;
  /** Why the verdict is uncertain (docs/semantics.md, rule 5); null when it is not. */
  readonly ambiguousReason: string | null;
  readonly fixedOnBranch: string | null;
};

/** One introduction (the dyad lines sharing an introducing release) as seen from V's branch B. */
type Introduction = {
  readonly intro: KernelVersion | null;
  /** Its fixes on B, sorted. */
  readonly fixes: KernelVersion[];
  /** A mainline fix of its own on a branch older than B: B forked with it. */
  readonly fixedBefore: KernelVersion | null;
};

/** Closed, open, or open for a reason the data leaves uncertain (the ambiguous kinds of rule 5). */
type State = 'closed' | 'open' | 'fixed-before' | 'several-fixes' | 'unpaired' | 'reintroduced';

/**
 * Rule 1: V's branch B names a fix. Each introducing release is judged on its own:
 * one with fixes on B is open until the last of them; one the dyad pairs with no fix on B is closed by the first
 * fix on B released at or after it (CVE-2023-53012: `6.1.2:…:0:0` beside `6.1.9:…:6.1.9:…`), and stays open when
 * it came after every fix on B (a reintroduction). V is affected while any introduction it has is open; the
 * fixing release is the first fix on B after V where none is.
 */
export function assessBranchIntroductions(record: Pick<CveRecord, 'dyad'>, v: KernelVersion): BranchVerdict {
  const intros = introductionsOn(record.dyad, v);
  const branchFixes: KernelVersion[] = [];
  for (const i of intros) branchFixes.push(...i.fixes);
  const fixes = sortedUnique(branchFixes);
  let ambiguousBy: { intro: Introduction; state: State } | null = null;
  let certain = false;
  for (const i of intros) {
    const state = stateOf(i, v, fixes);
    if (state === 'open') certain = true;
    else if (state !== 'closed') ambiguousBy ??= { intro: i, state };
  }
  const affected = certain || ambiguousBy !== null;
  let fixedOnBranch: KernelVersion | null = null;
  if (affected) {
    for (const f of fixes) {
      if (compareKernelVersions(f, v) > 0 && intros.every((i) => stateOf(i, f, fixes) === 'closed')) {
        fixedOnBranch = f;
        break;
      }
    }
  } else for (const f of fixes) if (compareKernelVersions(f, v) <= 0) fixedOnBranch = f;
  return {
    affected,
    ambiguousReason: certain || ambiguousBy === null ? null : reasonOf(ambiguousBy.intro, ambiguousBy.state, v, fixes),
    fixedOnBranch: fixedOnBranch ? formatKernelVersion(fixedOnBranch) : null,
  };
}

/** Is introduction `i` open at X (on B), and is that certain? `fixes`: every fix on B, sorted. */
function stateOf(i: Introduction, x: KernelVersion, fixes: readonly KernelVersion[]): State {
  const last = i.fixes.at(-1);
  if (last !== undefined) {
    // Paired with fixes on B: open from its introduction until its last fix on B (the union of its lines' spans).
    if (!hasIntro(i.intro, x) || !beforeFix(last, x)) return 'closed';
    if (i.fixedBefore !== null) return 'fixed-before';
    return i.fixes.length > 1 && !beforeFix(i.fixes[0] as KernelVersion, x) ? 'several-fixes' : 'open';
  }
  if (i.fixedBefore !== null) return 'closed';
  // Not paired with a fix on B: it reaches B as the branch's own introduction, or from mainline before B forked
  // (a stable backport on another branch never reaches B).
  const onBranch = i.intro !== null && sameBranch(i.intro, x);
  if (i.intro !== null && !onBranch && !isMainlineRelease(i.intro)) return 'closed';
  if (!hasIntro(i.intro, x)) return 'closed';
  const closer = closerOf(i, x, fixes);
  if (closer === undefined) return onBranch ? 'reintroduced' : 'open';
  if (!beforeFix(closer, x)) return 'closed';
  // A stable backport on B that the CNA pairs with no fix: its JSON lists no range for it at all, kgap infers the
  // fix. A mainline introduction before B's fix is what the JSON's default says (`affected` below `F <= v <= X.Y.*`).
  return onBranch && !isMainlineRelease(i.intro as KernelVersion) ? 'unpaired' : 'open';
}

/** The first fix on B released at or after an unpaired introduction (any fix on B when it came from before B). */
function closerOf(i: Introduction, x: KernelVersion, fixes: readonly KernelVersion[]): KernelVersion | undefined {
  const intro = i.intro;
  if (intro === null || !sameBranch(intro, x)) return fixes[0];
  return fixes.find((f) => compareKernelVersions(f, intro) >= 0);
}

const list = (vs: readonly KernelVersion[]) => vs.map(formatKernelVersion).join(', ');

/** The sentence `ambiguousReason` carries (docs/semantics.md, rule 5); constant between the versions the dyad names. */
function reasonOf(i: Introduction, state: State, v: KernelVersion, fixes: readonly KernelVersion[]): string {
  const branch = branchOf(v);
  const intro = i.intro ? formatKernelVersion(i.intro) : 'an unknown release';
  switch (state) {
    case 'fixed-before':
      return `fixed in ${formatKernelVersion(i.fixedBefore as KernelVersion)} before ${branch} forked and again on ${branch} in ${list(i.fixes)}: the later fix decides`;
    case 'several-fixes':
      return `several fixes on ${branch} (${list(i.fixes)}): the later one decides`;
    case 'unpaired':
      return `introduced in ${intro} with no fix paired (the CNA's JSON lists no range for it): taken as fixed by ${formatKernelVersion(closerOf(i, v, fixes) as KernelVersion)}, the next fix on ${branch}`;
    default:
      return `introduced again in ${intro} after the last fix on ${branch} (${formatKernelVersion(fixes.at(-1) as KernelVersion)}), with no fix listed`;
  }
}

/** The record's introductions as seen from V's branch: lines grouped by introducing release. */
function introductionsOn(dyad: readonly DyadEntry[], v: KernelVersion): Introduction[] {
  const byKey = new Map<
    string,
    { intro: KernelVersion | null; fixes: KernelVersion[]; fixedBefore: KernelVersion | null }
  >();
  for (const d of dyad) {
    const { intro, fix } = lineOf(d);
    // By version, not commit: version mode reads the index without commit ids (tree mode has them), and both
    // must judge alike. Two commits of one release are one introduction, open while either is.
    const key = d.introVersion ?? '';
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { intro, fixes: [], fixedBefore: null };
      byKey.set(key, entry);
    }
    if (fix === null) continue;
    if (sameBranch(fix, v)) entry.fixes.push(fix);
    else if (isMainlineRelease(fix) && compareBranchKeys(fix.branchKey, v.branchKey) < 0) {
      if (entry.fixedBefore === null || compareKernelVersions(fix, entry.fixedBefore) < 0) entry.fixedBefore = fix;
    }
  }
  return [...byKey.values()].map((e) => ({ ...e, fixes: sortedUnique(e.fixes) }));
}

function sortedUnique(vs: readonly KernelVersion[]): KernelVersion[] {
  const sorted = [...vs].sort(compareKernelVersions);
  return sorted.filter((x, k) => k === 0 || compareKernelVersions(x, sorted[k - 1] as KernelVersion) !== 0);
}
