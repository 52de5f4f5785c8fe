/**
 * A problem with the user's input or environment, with a one-line message that says what to do.
 * The CLI maps it to exit code 2; library code throws it instead of exiting.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
