/**
 * Calendar days, written `YYYY-MM-DD` (UTC): the one way kgap reads, writes, compares and counts days. Every
 * command refuses an impossible day (2024-02-30) with the same message, from `requireDay`.
 */
import { InvalidInput } from './invalid-input.js';

/** A real calendar day written `YYYY-MM-DD`. */
export type Day = string;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The day number (days since 1970-01-01, UTC) of a `YYYY-MM-DD` text; NaN when it is not a real day. */
export function dayNumber(text: string): number {
  if (!DAY_RE.test(text)) return Number.NaN;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 02-30 over into March: a real day survives the round trip.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return Number.NaN;
  return ms / DAY_MS;
}

/** True for a real calendar day written `YYYY-MM-DD` (2024-02-30 is not one). */
export function isDay(text: string): text is Day {
  return !Number.isNaN(dayNumber(text));
}

/** The day as written, or null when it is not a real `YYYY-MM-DD` day. */
export function parseDay(text: string): Day | null {
  return isDay(text) ? text : null;
}

/** The problem every command states for a bad day, naming the field (the CLI turns it into the flag). */
export function dayProblem(text: string): string {
  return `takes a day as YYYY-MM-DD (e.g. 2024-02-13), not ${JSON.stringify(text)}`;
}

/** Validates a day given for `field`; throws `InvalidInput` naming the field otherwise. */
export function requireDay(field: string, text: string): Day {
  if (!isDay(text)) throw new InvalidInput(field, dayProblem(text));
  return text;
}

/** The `YYYY-MM-DD` of a day number. */
export function dayFromNumber(n: number): Day {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day of an instant. The clock is read at the edge (`cli/`, `app/` inputs) and passed in. */
export function dayOfInstant(instant: Date): Day {
  return instant.toISOString().slice(0, 10);
}

/** The UTC day of an ISO 8601 timestamp with any offset (`2026-08-21T18:32:04+02:00`); the text's own date
 * when it cannot be read. */
export function utcDay(timestamp: string): Day {
  const ms = Date.parse(timestamp);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : timestamp.slice(0, 10);
}

/** The UTC day of a unix timestamp in seconds (git's `%ct`). */
export function dayOfUnixSeconds(seconds: number): Day {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** `day` moved by `n` days (negative moves back). */
export function addDays(day: Day, n: number): Day {
  return dayFromNumber(dayNumber(day) + n);
}

/** Whole days from a to b. */
export function daysBetween(a: Day, b: Day): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

/** Orders days oldest first (`YYYY-MM-DD` sorts as text). */
export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Refuses a day outside the data's range, so a typo (2042) is not silently an empty report. */
export function requireDayWithin(field: string, day: Day, range: { readonly first: Day; readonly last: Day }): void {
  if (day < range.first || day > range.last)
    throw new InvalidInput(field, `${day} is outside the data (${range.first} to ${range.last}); pick a day inside it`);
}
