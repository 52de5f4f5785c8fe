/** The shape every `bench/*.bench.ts` module exports. */
export type BenchFigure = {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The issue's target, in the same unit; `targetOk` says whether it was met. */
  readonly target?: number;
  readonly targetOk?: boolean;
  /** The naive method measured in the same run, same unit. */
  readonly baseline?: number;
  readonly note?: string;
};

export type Bench = {
  readonly name: string;
  readonly run: () => Promise<readonly BenchFigure[]>;
};

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Rounds to a fixed number of decimals for the table. */
export function round(value: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
