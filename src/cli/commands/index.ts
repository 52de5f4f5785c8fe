import type { CommandSpec } from '../command.js';
import { bootCommand } from './boot.js';
import { cveCommand } from './cve.js';
import { diffCommand } from './diff.js';
import { exposureCommand } from './exposure.js';
import { gateCommand } from './gate.js';
import { hardenCommand } from './harden.js';
import { lagCommand } from './lag.js';
import { relevanceCommand } from './relevance.js';
import { simulateCommand } from './simulate.js';
import { statusCommand } from './status.js';
import { syncCommand } from './sync.js';

/** Every CLI command, in help order. Add a command by adding it here. */
export const commands: readonly CommandSpec[] = [
  syncCommand,
  statusCommand,
  cveCommand,
  relevanceCommand,
  bootCommand,
  gateCommand,
  hardenCommand,
  lagCommand,
  exposureCommand,
  diffCommand,
  simulateCommand,
];
