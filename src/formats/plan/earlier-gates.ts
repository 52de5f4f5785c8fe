/** A plan's earlier gates of the product (a fleet plan's `earlierGates`) as text, the same in every format. */
import type { EarlierGate, GateCounts } from '../../domain/fleet-gate.js';

/** "12 compared; regressions 2, new crashes 1" (the counts that are not zero). */
export function gateCountsText(c: GateCounts): string {
  const named: [string, number][] = [
    ['regressions', c.regressions],
    ['new crashes', c.newCrashes],
    ['new failures', c.newFailures],
    ['lost coverage', c.lostCoverage],
    ['flaky', c.flaky],
    ['fixes', c.fixes],
    ['expected failures', c.expectedFailures],
  ];
  const set = named.filter(([, n]) => n > 0).map(([what, n]) => `${what} ${n}`);
  return `${c.compared} compared${set.length ? `; ${set.join(', ')}` : ''}`;
}

/** A gate run as one line: `2026-12-01T10:00:00.000Z no-go (base -> cand): 12 compared; regressions 2`. */
export function gateLine(g: EarlierGate): string {
  return `${g.recordedAt} ${g.verdict} (${g.baseline} -> ${g.candidate}): ${gateCountsText(g.counts)}`;
}

/** The heading of the list: how many, newest first, or that the product has none. */
export function earlierGatesHeading(gates: readonly EarlierGate[]): string {
  return gates.length
    ? `Earlier gates of this product (${gates.length}, newest first)`
    : 'Earlier gates of this product: none recorded (kgap fleet gate)';
}
