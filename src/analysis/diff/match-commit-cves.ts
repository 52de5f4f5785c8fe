import type { CveRecord } from '../../domain/cve.js';
import { compareCveIds } from '../../domain/cve-id.js';
import { branchOf, formatKernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import type { StableCommit } from '../../domain/stable-commit.js';

/** How a commit was tied to a CVE: the source named it, the CNA's dyad has its hash, or its subject and release. */
export const MATCH_EVIDENCE = ['annotation', 'sha', 'title'] as const;
export type MatchEvidence = (typeof MATCH_EVIDENCE)[number];

/** A stable commit and the CVEs it fixes (empty: a fix without a CVE, or not a fix). */
export type CommitCves = {
  readonly commit: StableCommit;
  readonly cveIds: readonly string[];
  readonly evidence: readonly MatchEvidence[];
};

/** Subjects compare without case, runs of spaces (Debian wraps lines) or a final period. */
export function normalizeSubject(subject: string): string {
  return subject.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/**
 * Ties each stable commit of `branch` to CVEs: by the source's own annotation, by the dyad's fix commit id (stable
 * trees), or by the CVE title (the CNA uses the fix's subject) together with the dyad's fix release on the branch,
 * which must be the release the commit shipped in. Pure.
 */
export function matchCommitCves(
  commits: readonly StableCommit[],
  records: readonly Pick<CveRecord, 'id' | 'title' | 'dyad'>[],
  branch: string,
): CommitCves[] {
  const bySha = new Map<string, string[]>();
  const byTitle = new Map<string, string[]>();
  for (const r of records) {
    let title: string | null = null;
    for (const d of r.dyad) {
      // A version on branch 6.1 is written `6.1` or `6.1.N`: a prefix test skips the others without parsing.
      const text = d.fixVersion;
      if (text === null || (text !== branch && !text.startsWith(`${branch}.`))) continue;
      const fix = parseKernelVersion(text);
      if (!fix || branchOf(fix) !== branch) continue;
      if (d.fixSha) push(bySha, d.fixSha, r.id);
      title ??= normalizeSubject(r.title);
      push(byTitle, `${formatKernelVersion(fix)}\t${title}`, r.id);
    }
  }
  return commits.map((commit) => {
    const ids = new Set<string>();
    const evidence: MatchEvidence[] = [];
    const add = (kind: MatchEvidence, found: readonly string[] | undefined) => {
      if (!found || found.length === 0) return;
      evidence.push(kind);
      for (const id of found) ids.add(id);
    };
    add('annotation', commit.cveIds);
    add('sha', commit.sha ? bySha.get(commit.sha) : undefined);
    const titled = subjectVariants(commit)
      .map((s) => byTitle.get(`${commit.release}\t${normalizeSubject(s)}`))
      .find((ids) => ids !== undefined);
    add('title', titled);
    return { commit, cveIds: [...ids].sort(compareCveIds), evidence };
  });
}

/** The subject as listed, and as it read before Debian moved a single architecture into its `[tag]`. */
function subjectVariants(commit: StableCommit): string[] {
  const tag = commit.archTag;
  if (tag === null || !/^[a-z0-9_]+$/.test(tag)) return [commit.subject];
  return [commit.subject, `${tag}/${commit.subject}`, `${tag}: ${commit.subject}`];
}
