/**
 * Errors that reach the user. `main.ts` alone turns them into exit codes:
 * 0 ok, 1 a gate or threshold was met, 2 bad usage or input, 3 internal error (a bug).
 */
export { InvalidInput, UserError } from '../domain/invalid-input.js';

export const EXIT = { ok: 0, threshold: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a command hands back to `main.ts`: the report for stdout and whether a gate was met. */
export type CommandResult = {
  readonly stdout: string;
  readonly exitCode: ExitCode;
};
