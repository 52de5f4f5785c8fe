import type { CveRecord, DyadEntry } from '../../domain/cve.js';
import { branchOf, type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import { assessVersion } from '../exposure/assess-version.js';
import type { Evidence, EvidenceKind, TreeVerdict } from './tree-evidence.js';
import type { TreeLookup } from './tree-lookup.js';

type Found = Evidence & { readonly undoneBy: string | null; readonly vendor: boolean };

const RANK: Record<EvidenceKind, number> = {
  'fix-commit': 0,
  'backport-marker': 1,
  'patch-id': 2,
  subject: 3,
  reverted: 4,
  'intro-present': 5,
  'intro-absent': 6,
  'no-fix-in-history': 7,
  'version-rule': 8,
};
const short = (sha: string) => sha.slice(0, 12);
// A few thousand distinct version strings, asked about ~10 times per record: parse each once.
const branchOfText = new Map<string, string | null>();
const onBranch = (version: string | null, branch: string) => {
  if (!version) return false;
  let b = branchOfText.get(version);
  if (b === undefined) {
    const v = parseKernelVersion(version);
    b = v ? branchOf(v) : null;
    branchOfText.set(version, b);
  }
  return b === branch;
};

/** Every way the tree carries one record commit: as an ancestor, or through a backport (marker, patch-id, subject). */
function carriers(ref: string, tree: TreeLookup, role: 'fix' | 'intro'): Found[] {
  const found: Found[] = [];
  if (tree.present.has(ref)) {
    const undoneBy = tree.revertOf(ref);
    found.push({
      kind: role === 'fix' ? 'fix-commit' : 'intro-present',
      commit: ref,
      ref,
      confidence: 'high',
      detail: `${role === 'fix' ? 'fix' : 'introducing commit'} ${short(ref)} is an ancestor of the revision`,
      undoneBy,
      vendor: false,
    });
  }
  for (const b of tree.backportsOf(ref)) {
    const via = b.match.via;
    const kind: EvidenceKind =
      role === 'intro'
        ? 'intro-present'
        : via === 'marker'
          ? 'backport-marker'
          : via === 'patch-id'
            ? 'patch-id'
            : 'subject';
    const how =
      b.match.via === 'marker'
        ? `a backport marker (${b.match.style}) naming`
        : via === 'patch-id'
          ? 'the same patch-id (git patch-id --stable) as'
          : 'only the same subject line as (weak: the diff was not compared)';
    found.push({
      kind,
      commit: b.commit,
      ref,
      confidence: via === 'marker' ? 'high' : via === 'patch-id' ? 'medium' : 'low',
      detail: `${b.vendor ? 'vendor ' : ''}commit ${short(b.commit)} carries ${how} ${role === 'fix' ? 'fix' : 'introducing commit'} ${short(ref)}`,
      undoneBy: tree.revertOf(b.commit),
      vendor: b.vendor,
    });
  }
  return found;
}

const byStrength = (a: Found, b: Found) =>
  RANK[a.kind] - RANK[b.kind] || Number(a.vendor) - Number(b.vendor) || ((a.commit ?? '') < (b.commit ?? '') ? -1 : 1);
const plain = ({ undoneBy: _u, vendor: _v, ...e }: Found): Evidence => e;

/** The dyad lines the version rule looks at for this branch (docs/semantics.md, rules 1-3), for introducing commits. */
function relevantLines(dyad: readonly DyadEntry[], branch: string): readonly DyadEntry[] {
  const fixLines = dyad.filter((d) => onBranch(d.fixVersion, branch));
  if (fixLines.length > 0)
    return [...fixLines, ...dyad.filter((d) => !d.fixVersion && onBranch(d.introVersion, branch))];
  const introLines = dyad.filter((d) => onBranch(d.introVersion, branch));
  return introLines.length > 0 ? introLines : dyad;
}

function versionRule(record: CveRecord, base: KernelVersion, why: string, considered: Evidence[]): TreeVerdict {
  const v = assessVersion(record, base);
  const verdict = v.affected ? 'affected' : v.fixedOnBranch !== null ? 'fixed' : 'not-affected';
  return {
    id: record.id,
    verdict,
    evidence: {
      kind: 'version-rule',
      commit: null,
      ref: null,
      confidence: 'low',
      detail: `${why}; verdict from the version rule for ${branchOf(base)} base ${v.fixedOnBranch ?? ''}`.trim(),
    },
    considered,
    ambiguous: v.ambiguous,
    vendorFix: false,
  };
}

/**
 * A CVE's verdict for a tree (pure): fix present (ancestor, marker, patch-id, subject) unless reverted; else the
 * introducing commit present or absent; else the version rule of the base, said so. docs/semantics.md "Tree mode".
 */
export function assessTreeCve(record: CveRecord, base: KernelVersion, tree: TreeLookup): TreeVerdict {
  const branch = branchOf(base);
  const complete = tree.scan.historyComplete;
  const fixRefs = [...new Set([...record.fixShas, ...record.dyad.flatMap((d) => (d.fixSha ? [d.fixSha] : []))])];
  const fixes = fixRefs.flatMap((ref) => carriers(ref, tree, 'fix')).sort(byStrength);
  const live = fixes.filter((f) => f.undoneBy === null);
  const undone = fixes.filter((f) => f.undoneBy !== null);
  const considered: Evidence[] = fixes.map((f) =>
    f.undoneBy ? { ...plain(f), detail: `${f.detail}, but reverted by ${short(f.undoneBy)}` } : plain(f),
  );
  const make = (
    verdict: TreeVerdict['verdict'],
    evidence: Evidence,
    extra: Partial<TreeVerdict> = {},
  ): TreeVerdict => ({
    id: record.id,
    verdict,
    evidence,
    considered,
    ambiguous: false,
    vendorFix: false,
    ...extra,
  });

  const best = live[0];
  if (best) {
    // Several fixes on the base's branch (CVE-2025-39816 on 6.12): all must be in, as the version rule's
    // "the later one decides" -- never a false "fixed".
    const branchFixes = [
      ...new Set(record.dyad.filter((d) => d.fixSha && onBranch(d.fixVersion, branch)).map((d) => d.fixSha as string)),
    ];
    const strong = (ref: string) =>
      live.some((f) => f.ref === ref && (f.kind === 'fix-commit' || f.kind === 'backport-marker'));
    const missing = branchFixes.length > 1 ? branchFixes.filter((ref) => !strong(ref)) : [];
    if (missing.length === 0) return make('fixed', plain(best), { vendorFix: best.vendor });
    return make(
      'affected',
      {
        ...plain(best),
        confidence: 'low',
        detail: `${best.detail}; but ${branch} has several fixes and ${missing.map(short).join(', ')} is not in the tree: counted affected, as the version rule does`,
      },
      { ambiguous: true },
    );
  }
  const reverted = undone[0];
  const lines = relevantLines(record.dyad, branch);
  if (lines.length === 0) return versionRule(record, base, 'the record has no .dyad data', considered);
  const introRefs = [...new Set([...lines.flatMap((d) => (d.introSha ? [d.introSha] : [])), ...record.vulnerableShas])];
  const anyIntro = [...new Set(record.dyad.flatMap((d) => (d.introSha ? [d.introSha] : [])))];
  const intros = [
    ...introRefs.flatMap((ref) => carriers(ref, tree, 'intro')),
    // A vendor backport of any line's introducing commit brings the bug (the backport-introduced case).
    ...anyIntro
      .filter((ref) => !introRefs.includes(ref))
      .flatMap((ref) => carriers(ref, tree, 'intro').filter((f) => f.vendor)),
  ].sort(byStrength);
  const liveIntro = intros.find((f) => f.undoneBy === null);
  for (const f of intros)
    considered.push(
      f.undoneBy ? { ...plain(f), detail: `${f.detail}, but reverted by ${short(f.undoneBy)}` } : plain(f),
    );
  const shallowNote = tree.scan.shallow ? ' (shallow clone: a fix may lie beyond the cut)' : '';
  const fixAbsence = `no fix commit (${fixRefs.map(short).join(', ') || 'none recorded'}) nor a backport of one is in the tree${shallowNote}`;
  if (reverted) {
    if (liveIntro || (lines.some((d) => !d.introSha) && complete)) {
      return make('affected', {
        kind: 'reverted',
        commit: reverted.undoneBy,
        ref: reverted.commit,
        confidence: tree.scan.shallow ? 'medium' : 'high',
        detail: `${reverted.detail}, and ${short(reverted.undoneBy ?? '')} reverts it; the vulnerable code is ${liveIntro ? `in (${short(liveIntro.commit ?? '')})` : 'assumed in (introducing commit unknown)'}`,
      });
    }
  }
  if (liveIntro) {
    return make('affected', {
      ...plain(liveIntro),
      confidence: tree.scan.shallow ? 'medium' : liveIntro.confidence,
      detail: `${liveIntro.detail}; ${fixAbsence}`,
    });
  }
  if (lines.some((d) => !d.introSha)) {
    if (!complete)
      return versionRule(record, base, `introducing commit unknown and ${whyIncomplete(tree)}`, considered);
    return make('affected', {
      kind: 'no-fix-in-history',
      commit: null,
      ref: null,
      confidence: 'medium',
      detail: `introducing commit unknown (vulnerable since the start of the branch); ${fixAbsence}`,
    });
  }
  if (!complete)
    return versionRule(record, base, `introducing commit not found but ${whyIncomplete(tree)}`, considered);
  return make('not-affected', {
    kind: 'intro-absent',
    commit: null,
    ref: introRefs[0] ?? null,
    confidence: 'high',
    detail: `the introducing commit (${introRefs.map(short).join(', ')}) is not in the history, nor any backport of it`,
  });
}

function whyIncomplete(tree: TreeLookup): string {
  return tree.scan.shallow
    ? 'the clone is shallow, so absence from history proves nothing'
    : 'no release tag is reachable, so the history may be a squashed import and absence proves nothing';
}
