import type { Expr, HardeningCheck } from '../../domain/hardening-check.js';
import { compareBranchKeys, compareVersionText, parseKernelVersion } from '../../domain/kernel-version.js';
import { TOO_OLD } from './applicability.js';
import type { CheckResult, UpgradeGain } from './hardening-report.js';
import type { ReleaseIndex } from './release-index.js';

const byIdCache = new WeakMap<readonly HardeningCheck[], ReadonlyMap<string, HardeningCheck>>();
function byIdOf(checks: readonly HardeningCheck[]): ReadonlyMap<string, HardeningCheck> {
  let map = byIdCache.get(checks);
  if (!map) {
    map = new Map(checks.map((c) => [c.id, c]));
    byIdCache.set(checks, map);
  }
  return map;
}

function mentionsKconfig(e: Expr): boolean {
  if ('any' in e) return e.any.some(mentionsKconfig);
  if ('all' in e) return e.all.some(mentionsKconfig);
  return e.type === 'kconfig';
}

/**
 * A newer kernel's option counts as a gain unless the table says otherwise. Boot parameters count only when no
 * Kconfig option stands for the same defense (`init_on_alloc=1` is counted once, by CONFIG_INIT_ON_ALLOC_DEFAULT_ON)
 * and when they switch something on, not merely off (`nospectre_bhb is not set`).
 */
function countsAsGain(check: HardeningCheck): boolean {
  if (check.upgradeGain === false) return false;
  if (check.type !== 'cmdline') return true;
  if (check.rule.op === 'not-set' || check.rule.op === 'not-off') return false;
  return ![...(check.orElse ?? []), ...(check.andAlso ?? [])].some(mentionsKconfig);
}

/** The defenses this kernel lacks only because it is too old, up to the newest release, oldest first. */
export function planUpgradeGain(
  checks: readonly HardeningCheck[],
  results: readonly CheckResult[],
  releases: ReleaseIndex | null,
): UpgradeGain[] {
  const latest = releases?.latest ?? null;
  const byId = byIdOf(checks);
  const gain: UpgradeGain[] = [];
  for (const r of results) {
    const check = byId.get(r.id);
    if (
      !check ||
      !countsAsGain(check) ||
      r.status !== 'not-applicable' ||
      r.since === null ||
      !r.detail?.startsWith(TOO_OLD)
    )
      continue;
    const since = parseKernelVersion(r.since);
    if (!since || (latest && compareBranchKeys(since.branchKey, latest.branchKey) > 0)) continue;
    gain.push({
      id: r.id,
      type: r.type,
      option: check.option,
      since: r.since,
      sinceDate: releases?.dates.get(r.since) ?? null,
      reason: r.reason,
      why: check.why,
    });
  }
  return gain.sort((a, b) => compareVersionText(a.since, b.since) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
