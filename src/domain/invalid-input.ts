/**
 * A problem with the user's input or environment, with a one-line message that says what to do. The CLI maps it
 * to exit code 2 (the server to HTTP 400); library code throws it instead of exiting. Its message never names a
 * CLI flag: a library caller never passed one.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * One input field is wrong. `field` is the name of the use-case's input (`asOf`, `minCvss`, `to`); the CLI turns
 * it into the flag the user typed (`--as-of`), a library caller sees `asOf takes a day …`.
 */
export class InvalidInput extends UserError {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'InvalidInput';
  }
}
