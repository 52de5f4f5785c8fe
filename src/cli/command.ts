import type { Command } from 'commander';
import type { CommandResult } from './errors.js';

/** Runs a command's action; `main.ts` writes the result and decides the exit code. */
export type ActionRunner = (action: () => Promise<CommandResult>) => Promise<void>;

/** One CLI command: registers itself on the program. Commands are listed once, in `commands/index.ts`. */
export type CommandSpec = {
  readonly name: string;
  readonly register: (program: Command, run: ActionRunner) => void;
};
