import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInput } from '../../domain/invalid-input.js';
import { makefileUpstream } from '../../domain/kernel-makefile.js';
import { recordCommitIds, ShaPrefixIndex } from '../../domain/record-commits.js';
import type { Backport, TreeScan } from '../../domain/tree-scan.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { writeFileAtomic } from '../data/write-atomic.js';
import { GitError, runGit } from '../git/run-git.js';
import { normalizeSubject } from './parse-commit-markers.js';
import { dirOf, readExistingCommits, readPatchIds, readTouchedDirs } from './read-patch-ids.js';
import { readTreeHistory } from './read-tree-history.js';
import { readTreeRepo, type TreeRepo } from './read-tree-repo.js';
import { readVendorDelta } from './read-vendor-delta.js';

/** Bump when the scan's meaning changes: old cache files are then ignored. */
const SCAN_FORMAT = 3;

export type TreeScanOptions = {
  readonly path: string;
  readonly rev: string;
  readonly upstreamRef: string | null;
  readonly index: VulnsIndex;
  readonly cacheDir: string;
  readonly progress: ((message: string) => void) | null;
};

function cacheFile(cacheDir: string, repo: TreeRepo, vulnsCommit: string): string {
  const key = JSON.stringify([SCAN_FORMAT, repo.path, repo.revSha, repo.upstream?.sha ?? null, vulnsCommit]);
  return join(cacheDir, 'tree', `scan-${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
}

async function readCached(file: string, repo: TreeRepo, vulnsCommit: string): Promise<TreeScan | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const scan = JSON.parse(text) as TreeScan;
    return scan.schemaVersion === 1 && scan.revSha === repo.revSha && scan.vulnsCommit === vulnsCommit ? scan : null;
  } catch {
    return null;
  }
}

/** Keeps the reverts that touch evidence commits, following revert-of-revert chains. */
function relevantReverts(all: readonly [string, string][], evidence: Iterable<string>): [string, string][] {
  const kept: [string, string][] = [];
  const known = new Set(evidence);
  let remaining = [...all];
  for (let changed = true; changed && remaining.length > 0; ) {
    changed = false;
    const index = new ShaPrefixIndex(known);
    const next: [string, string][] = [];
    for (const r of remaining) {
      if (index.find(r[0]).length > 0) {
        kept.push(r);
        known.add(r[1]);
        changed = true;
      } else next.push(r);
    }
    remaining = next;
  }
  return kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Backports found without a marker: equal patch-id to an available upstream fix, else an equal subject line. */
async function readUnmarkedBackports(
  repo: TreeRepo,
  options: TreeScanOptions,
  candidates: readonly { sha: string; subject: string }[],
  wanted: { readonly fixes: ReadonlySet<string>; readonly all: readonly string[] },
): Promise<{ backports: Backport[]; available: number }> {
  const existing = await readExistingCommits(repo.where, wanted.all);
  const fixesAvailable = [...existing].filter((sha) => wanted.fixes.has(sha)).length;
  if (candidates.length === 0) return { backports: [], available: fixesAvailable };
  // Patch-ids only of record commits in the directories the vendor commits touch (records list their files): a
  // product tree with mainline fetched holds ~30,000 of them, and diffing them all would dominate the scan. Fixes and
  // introducing commits both: an unmarked vendor copy of the commit that brought a bug brings the bug.
  const dirs = await readTouchedDirs(
    repo.where,
    candidates.map((c) => c.sha),
  );
  const near = new Set<string>();
  for (const r of options.index.records) {
    if (!r.programFiles.some((f) => dirs.has(dirOf(f)))) continue;
    const ids = [...r.fixShas, ...r.vulnerableShas, ...r.dyad.flatMap((d) => [d.fixSha, d.introSha])];
    for (const sha of ids) if (sha && existing.has(sha)) near.add(sha);
  }
  const available = [...near].sort();
  options.progress?.(`tree: patch-ids of ${candidates.length} vendor commits and ${available.length} record commits`);
  const ids = await readPatchIds(repo.where, [...candidates.map((c) => c.sha), ...available]);
  const byPatchId = new Map<string, string>();
  for (const sha of available) {
    const pid = ids.get(sha);
    if (pid && !byPatchId.has(pid)) byPatchId.set(pid, sha);
  }
  // Subjects (fixes only): the fix commit's own subject when it is in the repository, else the record title (the
  // CNA titles a record with the fix's subject line).
  const fixBySubject = new Map<string, string>();
  const nearFixes = available.filter((sha) => wanted.fixes.has(sha));
  if (nearFixes.length) {
    const out = await runGit(
      repo.where,
      ['log', '--no-walk', '--stdin', '--format=%H %s'],
      `${nearFixes.join('\n')}\n`,
    );
    for (const line of out.split('\n'))
      if (line.length > 41) fixBySubject.set(normalizeSubject(line.slice(41)), line.slice(0, 40));
  }
  for (const r of options.index.records) {
    const ref = r.fixShas[0] ?? r.dyad.find((d) => d.fixSha)?.fixSha;
    const title = normalizeSubject(r.title);
    if (ref && title && !fixBySubject.has(title)) fixBySubject.set(title, ref);
  }
  const backports: Backport[] = [];
  for (const c of candidates) {
    const pid = ids.get(c.sha);
    const byPatch = pid ? byPatchId.get(pid) : undefined;
    if (byPatch) backports.push({ commit: c.sha, ref: byPatch, match: { via: 'patch-id' }, vendor: true });
    else {
      const bySubject = fixBySubject.get(normalizeSubject(c.subject));
      if (bySubject) backports.push({ commit: c.sha, ref: bySubject, match: { via: 'subject' }, vendor: true });
    }
  }
  return { backports, available: fixesAvailable };
}

/**
 * Reads what a product tree carries of the records' commits: one streamed `git log` of the history, the vendor delta,
 * patch-ids of unmarked vendor commits. Cached per (tree, commit, upstream, vulns commit); a repeat costs two
 * `git rev-parse` calls and a file read.
 */
export async function readTreeScan(options: TreeScanOptions): Promise<{ scan: TreeScan; cached: boolean }> {
  try {
    return await scanTree(options);
  } catch (error) {
    // The tree is input: git failing on it (a damaged object, an output over its limit, a stall) is the tree's
    // problem, said in one line, not an internal error.
    if (error instanceof GitError)
      throw new InvalidInput('tree', `${options.path}: git cannot read it (${error.message})`);
    throw error;
  }
}

async function scanTree(options: TreeScanOptions): Promise<{ scan: TreeScan; cached: boolean }> {
  const repo = await readTreeRepo(options);
  const vulnsCommit = options.index.vulnsCommit;
  const file = cacheFile(options.cacheDir, repo, vulnsCommit);
  const hit = await readCached(file, repo, vulnsCommit);
  if (hit) return { scan: hit, cached: true };

  const commits = recordCommitIds(options.index.records);
  options.progress?.(`tree: scanning the history of ${repo.rev} (${repo.revSha.slice(0, 12)})`);
  const [history, vendorCommits] = await Promise.all([
    readTreeHistory(repo.where, repo.revSha, new ShaPrefixIndex(commits.all)),
    repo.upstream ? readVendorDelta(repo.where, repo.revSha, repo.upstream.sha) : Promise.resolve(null),
  ]);
  const vendorSet = new Set(vendorCommits?.map((c) => c.sha) ?? []);
  const markers = history.markers.map((b) => ({ ...b, vendor: vendorSet.has(b.commit) }));
  const marked = new Set(markers.map((b) => b.commit));
  const candidates = (vendorCommits ?? []).filter((c) => !marked.has(c.sha));
  const wanted = { fixes: new Set(commits.fixes), all: commits.all.filter((sha) => !history.present.has(sha)) };
  const unmarked = await readUnmarkedBackports(repo, options, candidates, wanted);
  const backports = [...markers, ...unmarked.backports];
  const scan: TreeScan = {
    schemaVersion: 1,
    rev: repo.rev,
    revSha: repo.revSha,
    vulnsCommit,
    shallow: repo.shallow,
    base: { makefile: repo.makefile.text, makefileVersion: makefileUpstream(repo.makefile), tag: repo.tag },
    historyCommits: history.commits,
    historyComplete: !repo.shallow && repo.tag !== null,
    upstream: repo.upstream,
    present: [...history.present].sort(),
    backports,
    reverts: relevantReverts(history.reverts, [...history.present, ...backports.map((b) => b.commit)]),
    vendorCommits,
    upstreamFixesAvailable: unmarked.available,
  };
  // A cache that cannot be written (read-only, full) costs the next run a rescan, not this run its answer.
  await writeFileAtomic(file, JSON.stringify(scan)).catch(() => undefined);
  return { scan, cached: false };
}
