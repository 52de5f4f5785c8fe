import type { CveRecord } from '../../domain/cve.js';
import { branchOf, formatKernelVersion, type KernelVersion } from '../../domain/kernel-version.js';
import { releasePosition } from '../exposure/assess-branch-introductions.js';
import { assessVersion } from '../exposure/assess-version.js';
import {
  type Introduction,
  type IntroductionState,
  introductionState,
  judgeIntroductions,
  planIntroductions,
} from '../exposure/introductions.js';
import { byStrength, plainEvidence, short } from './tree-carriers.js';
import type { Evidence, TreeVerdict } from './tree-evidence.js';
import type { TreeLookup } from './tree-lookup.js';
import { planTreePosition, type TreePosition } from './tree-position.js';

/**
 * A CVE's verdict for a tree (pure): the introductions of the version rule judged one by one with the tree's
 * commits (introductions.ts): an introduction is open while the tree has its introducing commit (or a backport of
 * it) and not the fix that closes it (ancestor, marker, patch-id, subject; not reverted). docs/semantics.md "Tree
 * mode". On a plain stable tree at vX.Y.Z this is the version rule for X.Y.Z; the evidence says what the tree adds.
 */
export function assessTreeCve(record: CveRecord, base: KernelVersion, tree: TreeLookup): TreeVerdict {
  if (record.dyad.length === 0) return versionRule(record, base, 'the record has no .dyad data', []);
  // A third of the records name no commit the tree has, and no unknown introduction: nothing to judge.
  if (tree.scan.historyComplete && record.dyad.every((d) => d.introSha) && !touches(record, tree))
    return introAbsent(record, []);
  const b = planIntroductions(record.dyad, base);
  const at = planTreePosition(record, b, tree);
  const { states, affected, ambiguousReason } = judgeIntroductions(b, at);
  const considered = at.considered().map(plainEvidence);
  const verdict = (v: TreeVerdict['verdict'], evidence: Evidence, vendorFix = false): TreeVerdict => ({
    id: record.id,
    verdict: v,
    evidence,
    considered,
    ambiguous: ambiguousReason !== null,
    ambiguousReason,
    vendorFix,
  });
  const why = whyIncomplete(tree);
  if (affected) {
    // The deciding introduction: a plainly open one, else the one the ambiguity is about.
    const open = states.indexOf('open');
    const k = open >= 0 ? open : states.findIndex((s) => s !== 'closed');
    const i = b.intros[k] as Introduction;
    return verdict('affected', openEvidence(i, states[k] as IntroductionState, at, { why, branch: branchOf(base) }));
  }
  // The fix that decides: of an introduction the base release leaves open, when there is one (what the tree adds:
  // a vendor backport ahead of stable), else of any the tree has.
  const held = b.intros.filter((i) => at.hold(i) !== null);
  const atBase = releasePosition(base);
  const aheadOfBase = held.filter((i) => introductionState(i, atBase, b) !== 'closed');
  const closing = (aheadOfBase.length > 0 ? aheadOfBase : held).flatMap((i) => at.closing(i)).sort(byStrength)[0];
  if (closing) return verdict('fixed', plainEvidence(closing), closing.vendor);
  if (why !== null) return versionRule(record, base, `the tree shows no open introduction, but ${why}`, considered);
  if (b.intros.some((i) => at.hold(i) !== null))
    return versionRule(record, base, 'the tree has the bug and shows no fix, yet the rules close it', considered);
  return introAbsent(record, considered);
}

/** Does the tree carry any commit the record names (ancestor or backport)? */
function touches(record: CveRecord, tree: TreeLookup): boolean {
  const carried = (sha: string | null) => sha !== null && (tree.present.has(sha) || tree.backportsOf(sha).length > 0);
  return record.dyad.some((d) => carried(d.introSha) || carried(d.fixSha)) || record.fixShas.some(carried);
}

/** `not-affected`: the tree has none of the introductions (complete history). */
function introAbsent(record: CveRecord, considered: Evidence[]): TreeVerdict {
  const intros = [...new Set(record.dyad.flatMap((d) => (d.introSha ? [d.introSha] : [])))];
  return {
    id: record.id,
    verdict: 'not-affected',
    evidence: {
      kind: 'intro-absent',
      commit: null,
      ref: intros[0] ?? null,
      confidence: 'high',
      detail: `no introducing commit (${intros.map(short).join(', ')}) is in the history, nor a backport of one`,
    },
    considered,
    ambiguous: false,
    ambiguousReason: null,
    vendorFix: false,
  };
}

/** Why introduction `i` keeps the tree affected, as evidence. */
function openEvidence(
  i: Introduction,
  state: IntroductionState,
  at: TreePosition,
  { why, branch }: { readonly why: string | null; readonly branch: string },
): Evidence {
  const hold = at.hold(i);
  const fixes = at.branchFixes(i);
  const missing = fixes
    .filter((f) => !f.in)
    .map((f) => `${formatKernelVersion(f.release)}: ${f.shas.map(short).join(', ')}`)
    .join('; ');
  const absent =
    fixes.length === 0
      ? `${branch} lists no fix for it, and no backport of a fix is in the tree${why ? ` (${why})` : ''}`
      : `the fix that closes it on ${branch} (${missing}) is not in the tree, nor a backport of it${why ? ` (${why})` : ''}`;
  const uncertain = state === 'open' ? '' : `; ambiguous (docs/semantics.md, rule 5)`;
  const found = at.closing(i)[0];
  if ((state === 'several-fixes' || state === 'fixed-before') && found) {
    // Some of its fixes are in, not all: the version rule's "the later fix decides", never a false "fixed".
    const e = plainEvidence(found);
    return {
      ...e,
      confidence: 'low',
      detail: `${e.detail}; but the later fix on ${branch} (${missing}) is not${uncertain}`,
    };
  }
  const reverted = at.undone(i)[0];
  if (reverted && hold !== null) {
    return {
      kind: 'reverted',
      commit: reverted.undoneBy,
      ref: reverted.commit,
      confidence: why ? 'medium' : 'high',
      detail: `${plainEvidence({ ...reverted, undoneBy: null }).detail}, and ${short(reverted.undoneBy ?? '')} reverts it; the vulnerable code is ${hold.by === 'commit' ? `in (${short(hold.found.commit ?? '')})` : 'assumed in (introducing commit unknown)'}`,
    };
  }
  if (hold?.by === 'commit') {
    const e = plainEvidence(hold.found);
    const confidence = state !== 'open' ? 'low' : why ? 'medium' : e.confidence;
    return { ...e, confidence, detail: `${e.detail}; ${absent}${uncertain}` };
  }
  if (hold?.by === 'unknown' && why === null) {
    return {
      kind: 'no-fix-in-history',
      commit: null,
      ref: null,
      confidence: state === 'open' ? 'medium' : 'low',
      detail: `introducing commit unknown (vulnerable since the start of the branch); ${absent}${uncertain}`,
    };
  }
  return {
    kind: 'version-rule',
    commit: null,
    ref: null,
    confidence: 'low',
    detail: `introducing commit ${hold?.by === 'unknown' ? 'unknown' : 'not found'} and ${why}; the version rule for ${branch} says the base has it${uncertain}`,
  };
}

function versionRule(record: CveRecord, base: KernelVersion, why: string, considered: Evidence[]): TreeVerdict {
  const v = assessVersion(record, base);
  return {
    id: record.id,
    verdict: v.affected ? 'affected' : v.fixedOnBranch !== null ? 'fixed' : 'not-affected',
    evidence: {
      kind: 'version-rule',
      commit: null,
      ref: null,
      confidence: 'low',
      detail: `${why}; verdict from the version rule for ${branchOf(base)} base ${v.fixedOnBranch ?? ''}`.trim(),
    },
    considered,
    ambiguous: v.ambiguous,
    ambiguousReason: v.ambiguousReason,
    vendorFix: false,
  };
}

/** Why absence from the tree's history proves nothing, or null when it does. */
function whyIncomplete(tree: TreeLookup): string | null {
  if (tree.scan.historyComplete) return null;
  return tree.scan.shallow
    ? 'the clone is shallow, so absence from history proves nothing'
    : 'no release tag is reachable, so the history may be a squashed import and absence proves nothing';
}
