/** Calendar days as integers (days since 1970-01-01, UTC): the simulator's clock is this number. */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The day number of a YYYY-MM-DD date; NaN when it is not a real date. */
export function dayOf(date: string): number {
  if (!DATE_RE.test(date)) return Number.NaN;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return Number.NaN;
  return ms / 86_400_000;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
