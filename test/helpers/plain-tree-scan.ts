import type { CveRecord } from '../../src/domain/cve.js';
import {
  branchOf,
  compareBranchKeys,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from '../../src/domain/kernel-version.js';
import type { Backport, TreeScan } from '../../src/domain/tree-scan.js';

type Place = { readonly at: KernelVersion; readonly mainline: boolean; readonly upstream: string | null };

const isMainlineName = (text: string | null) => parseKernelVersion(text ?? '')?.sublevel === 0;

/**
 * Where a plain kernel history holds each commit the records name, modelled without git the way
 * scripts/gen-tree.ts lays a tree out (and the kernel's own history is): a commit named with a mainline release
 * lands in mainline before that release; one named with a stable release in that release of its branch, carrying
 * `commit <mainline sha> upstream.`; one commit, one place (mainline first, then the earliest release).
 */
export function planCommitPlaces(records: readonly CveRecord[]): ReadonlyMap<string, Place> {
  const places = new Map<string, Place>();
  for (const r of records) {
    const mainlineFix = r.fixShas[0] ?? r.dyad.find((d) => d.fixSha && isMainlineName(d.fixVersion))?.fixSha ?? null;
    const mainlineIntro = r.dyad.find((d) => d.introSha && isMainlineName(d.introVersion))?.introSha ?? null;
    for (const d of r.dyad) {
      for (const [sha, text, upstream] of [
        [d.introSha, d.introVersion, mainlineIntro],
        [d.fixSha, d.fixVersion, mainlineFix],
      ] as const) {
        const v = text ? parseKernelVersion(text) : null;
        if (!sha || !v) continue;
        const mainline = v.sublevel === 0;
        const place = { at: mainline ? (parseKernelVersion(branchOf(v)) as KernelVersion) : v, mainline, upstream };
        const old = places.get(sha);
        const better =
          !old ||
          (mainline && !old.mainline) ||
          (mainline === old.mainline && compareKernelVersions(place.at, old.at) < 0);
        if (better) places.set(sha, place);
      }
    }
  }
  return places;
}

/** The scan of a plain stable tree at tag v<V>, full history, no vendor commits (kgap's tree mode reads this). */
export function plainTreeScan(places: ReadonlyMap<string, Place>, v: KernelVersion): TreeScan {
  const present: string[] = [];
  const backports: Backport[] = [];
  for (const [sha, p] of places) {
    const held = p.mainline
      ? compareBranchKeys(p.at.branchKey, v.branchKey) <= 0
      : compareBranchKeys(p.at.branchKey, v.branchKey) === 0 && p.at.sublevel <= v.sublevel;
    if (!held) continue;
    present.push(sha);
    if (!p.mainline && p.upstream && p.upstream !== sha)
      backports.push({ commit: sha, ref: p.upstream, match: { via: 'marker', style: 'stable' }, vendor: false });
  }
  const name = formatKernelVersion(v);
  return {
    schemaVersion: 1,
    rev: `v${name}`,
    revSha: '0'.repeat(40),
    vulnsCommit: '0'.repeat(40),
    shallow: false,
    base: { makefile: name, makefileVersion: name, tag: `v${name}` },
    historyCommits: present.length,
    historyComplete: true,
    upstream: null,
    present,
    backports,
    reverts: [],
    vendorCommits: [],
    upstreamFixesAvailable: 0,
  };
}
