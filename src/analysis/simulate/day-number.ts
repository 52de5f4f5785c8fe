/** Calendar days as integers (days since 1970-01-01, UTC): the simulator's clock is this number. */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The day number of a YYYY-MM-DD date; NaN when it is not a real date. */
export function dayOf(date: string): number {
  if (!DATE_RE.test(date)) return Number.NaN;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 02-30 over into March: a real date survives the round trip.
  const back = new Date(ms);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return Number.NaN;
  return ms / 86_400_000;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
