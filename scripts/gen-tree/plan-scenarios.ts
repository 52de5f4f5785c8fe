import { assessVersion } from '../../src/analysis/exposure/assess-version.js';
import type { EvidenceKind, TreeVerdictKind } from '../../src/analysis/tree/tree-evidence.js';
import type { CveRecord } from '../../src/domain/cve.js';
import {
  branchOf,
  compareKernelVersions,
  type KernelVersion,
  parseKernelVersion,
} from '../../src/domain/kernel-version.js';
import type { Placement } from './plan-placements.js';

/** How the vendor branch carries a record's commit. */
export const VENDOR_CASES = [
  'stable-marker',
  'cherry-pick',
  'android',
  'trailer',
  'squash',
  'subject',
  'reverted',
  'intro-backport',
  'intro-squash',
] as const;
export type VendorCase = (typeof VENDOR_CASES)[number];

/** One planted case and what kgap must say about it at the vendor branch's tip. */
export type ScenarioCase = {
  readonly case: VendorCase | 'intro-absent';
  readonly id: string;
  /** The record's (real) commit the vendor commit carries. */
  readonly upstream: string;
  readonly expect: { readonly verdict: TreeVerdictKind; readonly kind: EvidenceKind };
};

const EXPECT: Record<VendorCase, ScenarioCase['expect']> = {
  'stable-marker': { verdict: 'fixed', kind: 'backport-marker' },
  'cherry-pick': { verdict: 'fixed', kind: 'backport-marker' },
  android: { verdict: 'fixed', kind: 'backport-marker' },
  trailer: { verdict: 'fixed', kind: 'backport-marker' },
  squash: { verdict: 'fixed', kind: 'patch-id' },
  subject: { verdict: 'fixed', kind: 'subject' },
  reverted: { verdict: 'affected', kind: 'reverted' },
  'intro-backport': { verdict: 'affected', kind: 'intro-present' },
  'intro-squash': { verdict: 'affected', kind: 'intro-present' },
};

const on = (text: string | null, branch: string) => {
  const v = text ? parseKernelVersion(text) : null;
  return v !== null && branchOf(v) === branch ? v : null;
};

/**
 * Picks real records for the vendor branch's cases (pure): fixes the base release lacks but a later stable release of
 * the generated range has (backported ahead), and a bug a later stable release brought in (its mainline commit is
 * backported by the vendor: CVE-2025-21629 on 6.1 when the base is older than 6.1.116).
 */
export function planScenarios(
  records: readonly CveRecord[],
  placed: ReadonlyMap<string, Placement>,
  options: { readonly branch: string; readonly vendorBase: number; readonly prefer: readonly string[] },
): ScenarioCase[] {
  const branchV = parseKernelVersion(options.branch) as KernelVersion;
  const base = parseKernelVersion(`${options.branch}.${options.vendorBase}`) as KernelVersion;
  const afterFork = (sha: string | null | undefined) => {
    const p = sha ? placed.get(sha) : undefined;
    return p?.line === 'mainline' && p.version !== null && compareKernelVersions(p.version, branchV) > 0;
  };
  const titles = new Map<string, number>();
  for (const r of records) titles.set(r.title, (titles.get(r.title) ?? 0) + 1);
  const ordered = [...records].sort(
    (a, b) => Number(options.prefer.includes(b.id)) - Number(options.prefer.includes(a.id)),
  );
  const cases: ScenarioCase[] = [];
  const used = new Set<string>();
  const fixCases = VENDOR_CASES.filter((c) => !c.startsWith('intro-'));
  for (const r of ordered) {
    if (cases.length >= fixCases.length) break;
    const branchFixes = new Set(
      r.dyad.filter((d) => d.fixSha && on(d.fixVersion, options.branch)).map((d) => d.fixSha),
    );
    const line = r.dyad.find((d) => d.fixSha && on(d.fixVersion, options.branch));
    const fixV = line ? on(line.fixVersion, options.branch) : null;
    const introKnownIn = r.dyad.every(
      (d) =>
        !on(d.introVersion, options.branch) ||
        (on(d.introVersion, options.branch)?.sublevel ?? 0) <= options.vendorBase,
    );
    if (branchFixes.size !== 1 || !fixV || fixV.sublevel <= options.vendorBase || !placed.has(line?.fixSha ?? ''))
      continue;
    if (r.fixShas.length !== 1 || !afterFork(r.fixShas[0]) || titles.get(r.title) !== 1 || !introKnownIn) continue;
    if (!assessVersion(r, base).affected) continue;
    const kind = fixCases[cases.length] as VendorCase;
    cases.push({ case: kind, id: r.id, upstream: r.fixShas[0] as string, expect: EXPECT[kind] });
    used.add(r.id);
  }
  const introCandidates = ordered.filter((r) => {
    if (used.has(r.id) || assessVersion(r, base).affected) return false;
    const stableIntro = r.dyad.some((d) => (on(d.introVersion, options.branch)?.sublevel ?? 0) > options.vendorBase);
    const mainlineIntro = r.dyad.find((d) => d.introVersion && parseKernelVersion(d.introVersion)?.sublevel === 0);
    const earlyFix = r.dyad.some((d) => (on(d.fixVersion, options.branch)?.sublevel ?? Infinity) <= options.vendorBase);
    return stableIntro && !earlyFix && afterFork(mainlineIntro?.introSha);
  });
  const mainlineIntroOf = (r: CveRecord) =>
    r.dyad.find((d) => d.introVersion && parseKernelVersion(d.introVersion)?.sublevel === 0)?.introSha as string;
  const [backported, absent, squashed] = introCandidates;
  if (backported) {
    cases.push({
      case: 'intro-backport',
      id: backported.id,
      upstream: mainlineIntroOf(backported),
      expect: EXPECT['intro-backport'],
    });
  }
  if (absent) {
    cases.push({
      case: 'intro-absent',
      id: absent.id,
      upstream: '',
      expect: { verdict: 'not-affected', kind: 'intro-absent' },
    });
  }
  // Unmarked: found by patch-id, so the bug it brings is not mistaken for absent.
  if (squashed && mainlineIntroOf(squashed) !== mainlineIntroOf(backported ?? squashed)) {
    cases.push({
      case: 'intro-squash',
      id: squashed.id,
      upstream: mainlineIntroOf(squashed),
      expect: EXPECT['intro-squash'],
    });
  }
  return cases;
}
