import type { CveRecord, DyadEntry } from '../../domain/cve.js';
import { compareBranchKeys, compareKernelVersions, type KernelVersion } from '../../domain/kernel-version.js';
import { releasePosition } from '../exposure/assess-branch-introductions.js';
import { isMainlineRelease, lineOf, sameBranch } from '../exposure/dyad-line.js';
import { type BranchIntroductions, closerOf, type Introduction, type Position } from '../exposure/introductions.js';
import { byStrength, carriersOf, type Found, isStrong, recordCommitSet } from './tree-carriers.js';
import type { TreeLookup } from './tree-lookup.js';

/** How a tree holds an introduction: through a commit, as an unknown one (`0`: from the start), by the version rule. */
export type IntroHold = { readonly by: 'commit'; readonly found: Found } | { readonly by: 'unknown' | 'version' };

/** A tree as a position (introductions.ts), with the evidence behind each answer. */
export type TreePosition = Position & {
  /** How the tree holds `i`, or null when it does not. */
  hold(i: Introduction): IntroHold | null;
  /** Live evidence of the fixes that close `i` in the tree (its own, its closer, a mainline fix), strongest first. */
  closing(i: Introduction): readonly Found[];
  /** Fix carriers for `i` that a revert undid, strongest first. */
  undone(i: Introduction): readonly Found[];
  /** The fixes on B that close `i` (its own, else its closer) with their commits, and whether the tree has each. */
  branchFixes(
    i: Introduction,
  ): readonly { readonly release: KernelVersion; readonly shas: string[]; readonly in: boolean }[];
  /** Everything looked at: every fix and introducing commit the tree carries, strongest first. */
  considered(): readonly Found[];
};

/**
 * The tree at REV as a position for the per-introduction judgement: it has an introduction when one of its
 * introducing commits is an ancestor or carried by a backport (unknown ones: always), and a fix on B when every
 * commit of that fix release is (ancestry or a marker only, when the introduction has several fixes on B). A
 * backport of the introduction's fix from another branch or of a mainline fix newer than B's fork closes it too:
 * the tree knows what the branch's lines cannot. With incomplete history (shallow, squashed) absence proves
 * nothing, so where the tree shows neither the commit nor a revert of it, the version rule of the base answers.
 */
export function planTreePosition(record: CveRecord, b: BranchIntroductions, tree: TreeLookup): TreePosition {
  let own: Set<string> | null = null;
  const ownCommits = () => {
    own ??= recordCommitSet(record);
    return own;
  };
  const complete = tree.scan.historyComplete;
  const base = releasePosition(b.branch);
  const found = { fix: new Map<string, Found[]>(), intro: new Map<string, Found[]>() };
  const carried = (ref: string, role: 'fix' | 'intro') => {
    let list = found[role].get(ref);
    if (list === undefined) {
      list = carriersOf(ref, tree, role, ownCommits).sort(byStrength);
      found[role].set(ref, list);
    }
    return list;
  };
  // Each line's fix, parsed once (an inconsistent one dropped, rule 7).
  const fixOf = new Map(record.dyad.map((d) => [d, lineOf(d).fix]));
  const accepts = (i: Introduction) => (f: Found) => f.undoneBy === null && (i.fixes.length <= 1 || isStrong(f));
  const fixShas = (lines: Introduction['lines'], f: KernelVersion) => [
    ...new Set(
      lines.flatMap((d) => {
        const fix = fixOf.get(d);
        return d.fixSha && fix && compareKernelVersions(fix, f) === 0 ? [d.fixSha] : [];
      }),
    ),
  ];
  // The commits of B's fix release f that close i: its own lines' (paired), else any line's (an unpaired closer).
  const fixCommits = (i: Introduction, f: KernelVersion) =>
    fixShas(i.fixes.some((x) => compareKernelVersions(x, f) === 0) ? i.lines : b.intros.flatMap((x) => x.lines), f);
  const fixIn = (i: Introduction, f: KernelVersion): Found[] | null => {
    const shas = fixCommits(i, f);
    const found = shas.map((sha) => carried(sha, 'fix').find(accepts(i)));
    if (shas.length > 0 && found.every((x) => x !== undefined)) return found as Found[];
    return null;
  };
  const memo = <T>(f: (i: Introduction) => T) => {
    const seen = new Map<Introduction, T>();
    return (i: Introduction): T => {
      if (!seen.has(i)) seen.set(i, f(i));
      return seen.get(i) as T;
    };
  };
  const others = memo((i) => substitutes(record, i, { b, fixOf }));
  const elsewhere = memo((i) => others(i).flatMap((sha) => carried(sha, 'fix')));
  // Every fix commit that bears on i: its own lines', its closer's, the substitutes.
  const related = memo((i) => {
    const closer = i.fixes.length === 0 ? closerOf(i, b) : undefined;
    const shas = [
      ...i.lines.flatMap((d) => (d.fixSha && fixOf.get(d) ? [d.fixSha] : [])),
      ...(closer ? fixCommits(i, closer) : []),
      ...others(i),
    ];
    return [...new Set(shas)].flatMap((sha) => carried(sha, 'fix')).sort(byStrength);
  });
  const hold = memo((i): IntroHold | null => {
    if (i.intro === null) return { by: 'unknown' };
    // The strongest live carrier of any of its introducing commits (a plain loop: asked for every record).
    let best: Found | undefined;
    for (const d of i.lines) {
      if (!d.introSha) continue;
      const live = carried(d.introSha, 'intro').find((f) => f.undoneBy === null);
      if (live && (best === undefined || byStrength(live, best) < 0)) best = live;
    }
    if (best) return { by: 'commit', found: best };
    return !complete && base.has(i) ? { by: 'version' } : null;
  });
  // Incomplete history: a fix release the base has counts when the tree shows no commit of it (nor a revert).
  const hasFix = (i: Introduction, f: KernelVersion) =>
    fixIn(i, f) !== null ||
    (!complete && base.hasFix(i, f) && !fixCommits(i, f).some((sha) => carried(sha, 'fix').length > 0));
  const undone = (i: Introduction) => related(i).filter((f) => f.undoneBy !== null);
  return {
    has: (i) => hold(i) !== null,
    hasFix,
    closedElsewhere: (i) => elsewhere(i).some(accepts(i)),
    hold,
    closing: (i) => related(i).filter(accepts(i)),
    undone,
    branchFixes: (i) => {
      const closer = i.fixes.length === 0 ? closerOf(i, b) : undefined;
      return (closer ? [closer] : i.fixes).map((f) => ({ release: f, shas: fixCommits(i, f), in: hasFix(i, f) }));
    },
    considered: () => {
      const fixes = new Set(record.fixShas);
      for (const d of record.dyad) if (d.fixSha) fixes.add(d.fixSha);
      // Most record commits are nowhere in a tree: skip them before building evidence (14,600 records a run).
      const inTree = [...ownCommits()].filter((sha) => tree.present.has(sha) || tree.backportsOf(sha).length > 0);
      return inTree.flatMap((sha) => carried(sha, fixes.has(sha) ? 'fix' : 'intro')).sort(byStrength);
    },
  };
}

/**
 * Fixes that close `i` wherever the tree has them, though B's lines do not name them: its own fixes on other
 * branches (a backport of the same fix), the record's mainline fixes released after B forked, and `.sha1` fixes no
 * line places. Mainline fixes from before B forked are not among them: B forked with them, the rules judge that
 * (CVE-2025-38585: the 4.18 fix is in every 6.1 tree, yet the 5.8 reintroduction stays open).
 */
function substitutes(
  record: CveRecord,
  i: Introduction,
  { b, fixOf }: { readonly b: BranchIntroductions; readonly fixOf: ReadonlyMap<DyadEntry, KernelVersion | null> },
): string[] {
  const out: string[] = [];
  const newerThanB = (fix: KernelVersion) => compareBranchKeys(fix.branchKey, b.branch.branchKey) > 0;
  for (const d of i.lines) {
    const fix = fixOf.get(d);
    if (d.fixSha && fix && !sameBranch(fix, b.branch) && (!isMainlineRelease(fix) || newerThanB(fix)))
      out.push(d.fixSha);
  }
  const named = new Set<string>();
  for (const d of record.dyad) {
    if (!d.fixSha) continue;
    named.add(d.fixSha);
    const fix = fixOf.get(d);
    if (fix && isMainlineRelease(fix) && newerThanB(fix)) out.push(d.fixSha);
  }
  for (const sha of record.fixShas) if (!named.has(sha)) out.push(sha);
  return [...new Set(out)];
}
