import type { CommandSpec } from '../command.js';

/** Every CLI command, in help order. Add a command by adding it here. */
export const commands: readonly CommandSpec[] = [];
