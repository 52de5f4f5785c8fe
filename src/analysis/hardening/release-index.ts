import {
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from '../../domain/kernel-version.js';
import type { ReleaseTable } from '../../domain/release.js';

/** Release dates by version text (`6.9` -> `2024-05-12`) and the newest release: the horizon of the upgrade gain. */
export type ReleaseIndex = {
  readonly dates: ReadonlyMap<string, string>;
  readonly latest: KernelVersion | null;
};

/**
 * Builds the index from version -> date pairs (`''` for an unknown date); versions that do not parse and rcs are
 * kept for dates only.
 */
export function buildReleaseIndex(entries: Iterable<readonly [string, string]>): ReleaseIndex {
  const dates = new Map<string, string>();
  let latest: KernelVersion | null = null;
  for (const [version, date] of entries) {
    if (date !== '') dates.set(version, date);
    const v = parseKernelVersion(version);
    if (v && v.rc === null && (latest === null || compareKernelVersions(v, latest) > 0)) latest = v;
  }
  return { dates, latest };
}

/** The index of a release table (what `readReleases` returns). */
export function releaseIndexOf(table: ReleaseTable): ReleaseIndex {
  return buildReleaseIndex([...table.byName.values()].map((r) => [r.name, r.date ?? ''] as const));
}

/** `7.1.9` style text of the newest release, or null. */
export function latestReleaseText(index: ReleaseIndex | null): string | null {
  return index?.latest ? formatKernelVersion(index.latest) : null;
}
