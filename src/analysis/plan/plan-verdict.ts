import type { CveCount, FateCounts, PlanReport } from './plan-report.js';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

function cveClause(verb: string, c: CveCount): string {
  const built = c.built === null ? '' : ` (${n(c.built)} in built code)`;
  return `${verb} ${plural(c.total, 'CVE', 'CVEs')}${built}`;
}

/**
 * The one-line decision (pure), e.g. "6.1.170+41 → 6.1.183: closes 1,474 CVEs (1,120 in built code), brings 4,
 * 2,936 stable fixes (1,483 without a CVE); 38 of 41 vendor patches carry over cleanly, 2 are upstream, 1 conflicts
 * (drivers/net/…)".
 */
export function planVerdict(
  r: Pick<PlanReport, 'from' | 'to' | 'cves' | 'stableFixes' | 'vendorPatches'> & { readonly fates: FateCounts },
): string {
  const { counts } = r.cves;
  const parts = [cveClause('closes', counts.closed)];
  if (counts.introduced.total > 0) parts.push(cveClause('brings', counts.introduced));
  parts.push(
    `${plural(r.stableFixes.total, 'stable fix', 'stable fixes')} (${n(r.stableFixes.withoutCve)} without a CVE)`,
  );
  const f = r.fates;
  const total = r.vendorPatches.length;
  const patches = [`${n(f.clean)} of ${plural(total, 'vendor patch', 'vendor patches')} carry over cleanly`];
  if (f.upstream > 0) patches.push(`${n(f.upstream)} ${f.upstream === 1 ? 'is' : 'are'} upstream`);
  if (f.conflict > 0) {
    const files = [...new Set(r.vendorPatches.flatMap((p) => p.conflicts.map((c) => c.file)))];
    const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ', …' : '');
    patches.push(`${n(f.conflict)} conflict${f.conflict === 1 ? 's' : ''} (${shown})`);
  }
  if (f['vendor-revert'] > 0)
    patches.push(`${plural(f['vendor-revert'], 'vendor revert', 'vendor reverts')} to decide`);
  const from = `${r.from.version}+${n(r.from.vendorCommits)}`;
  return `${from} → ${r.to.version}: ${parts.join(', ')}; ${patches.join(', ')}`;
}
