/** Kernel crash signatures found in console or dmesg logs, normalized so they compare across runs. */

export const CRASH_KINDS = [
  'panic',
  'oops',
  'bug',
  'kasan',
  'ubsan',
  'warning',
  'lockup',
  'hung-task',
  'rcu-stall',
  'call-trace',
] as const;
export type CrashKind = (typeof CRASH_KINDS)[number];

/** One distinct crash signature in one side's logs. */
export type Crash = {
  readonly kind: CrashKind;
  /**
   * The comparable identity: kind, title and top stack frame with addresses, offsets, line numbers,
   * timestamps, PIDs, CPU numbers and other numbers removed (see docs/gate.md).
   */
  readonly signature: string;
  /** How many times it appeared across the side's logs. */
  readonly count: number;
  /** The first log (relative path) and 1-based line it appeared on, and that line as printed. */
  readonly source: string;
  readonly line: number;
  readonly example: string;
};

/** Merges crash lists (one per log) into one list per signature, summing counts; sorted by signature. */
export function mergeCrashes(lists: readonly (readonly Crash[])[]): Crash[] {
  const bySignature = new Map<string, Crash>();
  for (const list of lists) {
    for (const c of list) {
      const seen = bySignature.get(c.signature);
      bySignature.set(c.signature, seen === undefined ? c : { ...seen, count: seen.count + c.count });
    }
  }
  return [...bySignature.values()].sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
}
