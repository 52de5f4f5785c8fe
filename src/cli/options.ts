import { Option } from 'commander';

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
