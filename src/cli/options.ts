import { Option } from 'commander';
import { parseCveId } from '../domain/cve-id.js';
import { UserError } from '../domain/invalid-input.js';

/**
 * One enumerated flag (`--format`, `--fail-on`, `--show`, ...): commander checks the value against the choices,
 * so every command refuses a bad choice with the same message and exit code 2. Every enumerated flag goes
 * through here.
 */
export function choiceOption<T extends string>(
  flags: string,
  description: string,
  choices: readonly T[],
  defaultValue?: T,
): Option {
  const option = new Option(flags, description).choices(choices);
  return defaultValue === undefined ? option : option.default(defaultValue);
}

/** The CLI flag for a use-case input field: `asOf` -> `--as-of`. Fields that are not camelCase stay as they are. */
export function flagOfField(field: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(field)) return field;
  return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** A CVE id given as an argument, checked here so the message names the argument, not a use-case field. */
export function cveIdArgument(text: string): string {
  const id = parseCveId(text);
  if (id === null) throw new UserError(`"${text}" is not a CVE id (expected CVE-YYYY-NNNN)`);
  return id;
}

/** Collects a flag given several times (`--add a --add b`) into a list, in order. */
export function collectRepeated(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
