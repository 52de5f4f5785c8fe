import type { CveRecord } from '../../domain/cve.js';
import { compareCveIds } from '../../domain/cve-id.js';
import { compareVersionText } from '../../domain/kernel-version.js';
import type { StableCommitRange } from '../../domain/stable-commit.js';
import { MATCH_EVIDENCE, type MatchEvidence, matchCommitCves } from './match-commit-cves.js';

/** The stable commits between A and B, and how many of them carry a CVE. */
export type StableCommitSummary = {
  readonly kind: StableCommitRange['kind'];
  readonly source: string;
  readonly from: string;
  readonly to: string;
  readonly total: number;
  /** Commits tied to at least one CVE (any evidence); the rest are fixes a CVE-only policy never takes. */
  readonly withCve: number;
  readonly withoutCve: number;
  /** Commits per kind of evidence (a commit can have several). */
  readonly byEvidence: Readonly<Record<MatchEvidence, number>>;
  /** Oldest release first. */
  readonly perRelease: readonly { readonly release: string; readonly commits: number; readonly withCve: number }[];
  readonly missingReleases: readonly string[];
  readonly emptyReleases: readonly string[];
  /** Of the CVEs the update fixes (CNA data), how many were tied to a commit of the range. */
  readonly fixedCvesFound: number;
  /** CVEs the source ties to a commit in the range although the CNA data says B still carries them. */
  readonly namedFixedButOpen: readonly string[];
};

/** Counts the range's commits, ties them to CVEs and checks them against the CNA's verdicts. Pure. */
export function summarizeStableCommits(input: {
  readonly range: StableCommitRange;
  readonly records: readonly Pick<CveRecord, 'id' | 'title' | 'dyad'>[];
  readonly branch: string;
  readonly fixed: readonly { readonly id: string }[];
  readonly openAfter: readonly { readonly id: string }[];
}): StableCommitSummary {
  const { range } = input;
  const matched = matchCommitCves(range.commits, input.records, input.branch);
  const byEvidence = Object.fromEntries(MATCH_EVIDENCE.map((e) => [e, 0])) as Record<MatchEvidence, number>;
  const perRelease = new Map<string, { release: string; commits: number; withCve: number }>();
  const named = new Set<string>();
  let withCve = 0;
  for (const m of matched) {
    const row = perRelease.get(m.commit.release) ?? { release: m.commit.release, commits: 0, withCve: 0 };
    row.commits++;
    if (m.cveIds.length > 0) {
      withCve++;
      row.withCve++;
    }
    perRelease.set(m.commit.release, row);
    for (const e of m.evidence) byEvidence[e]++;
    for (const id of m.cveIds) named.add(id);
  }
  return {
    kind: range.kind,
    source: range.source,
    from: range.from,
    to: range.to,
    total: matched.length,
    withCve,
    withoutCve: matched.length - withCve,
    byEvidence,
    perRelease: [...perRelease.values()].sort((a, b) => compareVersionText(a.release, b.release)),
    missingReleases: range.missingReleases,
    emptyReleases: range.emptyReleases,
    fixedCvesFound: input.fixed.filter((c) => named.has(c.id)).length,
    namedFixedButOpen: input.openAfter
      .filter((c) => named.has(c.id))
      .map((c) => c.id)
      .sort(compareCveIds),
  };
}
