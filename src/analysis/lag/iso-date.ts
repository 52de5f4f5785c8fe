import { UserError } from '../../domain/user-error.js';

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** Validates a date flag's value; a one-line UserError names the flag and the expected form. */
export function parseIsoDateFlag(flag: string, text: string): string {
  if (!isIsoDate(text)) throw new UserError(`${flag} takes a date as YYYY-MM-DD (e.g. 2024-02-13), not "${text}"`);
  return text;
}

/** Checks that a date lies within the data's range, so a typo (2042) is not silently an empty report. */
export function assertDateInData(flag: string, date: string, range: { first: string; last: string }): void {
  if (date < range.first || date > range.last) {
    throw new UserError(`${flag} ${date} is outside the data (${range.first} to ${range.last}); pick a date inside it`);
  }
}

/** The UTC day (YYYY-MM-DD) of an ISO 8601 timestamp with any offset (`2026-08-21T18:32:04+02:00`). */
export function utcDay(timestamp: string): string {
  const ms = Date.parse(timestamp);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : timestamp.slice(0, 10);
}
