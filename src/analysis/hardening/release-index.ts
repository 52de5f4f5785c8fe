import {
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from '../../domain/kernel-version.js';

/** Release dates by version text (`6.9` -> `2024-05-12`) and the newest release: the horizon of the upgrade gain. */
export type ReleaseIndex = {
  readonly dates: ReadonlyMap<string, string>;
  readonly latest: KernelVersion | null;
};

/** Builds the index from version -> date pairs; versions that do not parse and rcs are kept for dates only. */
export function buildReleaseIndex(entries: Iterable<readonly [string, string]>): ReleaseIndex {
  const dates = new Map<string, string>();
  let latest: KernelVersion | null = null;
  for (const [version, date] of entries) {
    dates.set(version, date);
    const v = parseKernelVersion(version);
    if (v && v.rc === null && (latest === null || compareKernelVersions(v, latest) > 0)) latest = v;
  }
  return { dates, latest };
}

/** `7.1.9` style text of the newest release, or null. */
export function latestReleaseText(index: ReleaseIndex | null): string | null {
  return index?.latest ? formatKernelVersion(index.latest) : null;
}
