import { UserError } from '../domain/user-error.js';

/** Checks a `--flag` value against its allowed choices. */
export function parseChoice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UserError(`${flag} must be one of ${choices.join(', ')} (got "${value}")`);
}

/** Parses a numeric flag; undefined stays undefined. */
export function parseNumberOption(
  flag: string,
  value: string | undefined,
  range: { min?: number; max?: number; integer?: boolean },
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const ok =
    value.trim() !== '' &&
    Number.isFinite(n) &&
    (range.min === undefined || n >= range.min) &&
    (range.max === undefined || n <= range.max) &&
    (!range.integer || Number.isInteger(n));
  if (!ok) {
    const bounds = [range.min !== undefined ? `>= ${range.min}` : '', range.max !== undefined ? `<= ${range.max}` : '']
      .filter(Boolean)
      .join(' and ');
    throw new UserError(
      `${flag} takes ${range.integer ? 'a whole number' : 'a number'}${bounds ? ` ${bounds}` : ''}, not "${value}"`,
    );
  }
  return n;
}
