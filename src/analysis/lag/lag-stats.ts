/**
 * Summary statistics of fix-to-publication lags (docs/analytics.md, "Lag"). A lag is publication date minus fix
 * release date, in days: positive when the fix was out before the CVE was published.
 */
export type LagStats = {
  readonly cves: number;
  /** Lag > 0: a release with the fix was out before the CVE was published. */
  readonly fixReleasedBeforePublication: number;
  /** Lag == 0: fix release and publication on the same (UTC) day. */
  readonly sameDay: number;
  /** Lag < 0: the fix arrived only after the CVE was public. */
  readonly fixAfterPublication: number;
  readonly fixReleasedBeforePublicationShare: number;
  readonly fixAfterPublicationShare: number;
  readonly meanLagDays: number | null;
  readonly medianLagDays: number | null;
  readonly p90LagDays: number | null;
  /** Mean lag over the CVEs whose fix was out before publication (the 2019 study's "on average N days before"). */
  readonly meanLagDaysWhenFixedBefore: number | null;
};

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Median of sorted values: the middle one, or the mean of the two middle ones. */
export function medianOfSorted(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Nearest-rank percentile (p in 0..100) of sorted values: the smallest value with at least p% at or below it. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Shares rounded to 4 decimals and day figures to 1, so JSON stays byte-stable across platforms. */
export function summarizeLags(lags: readonly number[]): LagStats {
  const sorted = [...lags].sort((a, b) => a - b);
  const n = sorted.length;
  const before = sorted.filter((l) => l > 0);
  const after = sorted.filter((l) => l < 0).length;
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const median = medianOfSorted(sorted);
  return {
    cves: n,
    fixReleasedBeforePublication: before.length,
    sameDay: n - before.length - after,
    fixAfterPublication: after,
    fixReleasedBeforePublicationShare: n ? round(before.length / n, 4) : 0,
    fixAfterPublicationShare: n ? round(after / n, 4) : 0,
    meanLagDays: n ? round(sum(sorted) / n, 1) : null,
    medianLagDays: median === null ? null : round(median, 1),
    p90LagDays: percentileOfSorted(sorted, 90),
    meanLagDaysWhenFixedBefore: before.length ? round(sum(before) / before.length, 1) : null,
  };
}
