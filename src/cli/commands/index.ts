import type { CommandSpec } from '../command.js';

/**
 * Every CLI command, in help order, loaded on demand: a run imports only the module of the command it runs (a
 * warm `kgap status` must not pay for parsing the hardening table or the results parsers). Add a command here.
 */
export const commands: readonly { readonly name: string; readonly load: () => Promise<CommandSpec> }[] = [
  { name: 'sync', load: async () => (await import('./sync.js')).syncCommand },
  { name: 'status', load: async () => (await import('./status.js')).statusCommand },
  { name: 'cve', load: async () => (await import('./cve.js')).cveCommand },
  { name: 'relevance', load: async () => (await import('./relevance.js')).relevanceCommand },
  { name: 'harden', load: async () => (await import('./harden.js')).hardenCommand },
  { name: 'lag', load: async () => (await import('./lag.js')).lagCommand },
  { name: 'exposure', load: async () => (await import('./exposure.js')).exposureCommand },
  { name: 'diff', load: async () => (await import('./diff.js')).diffCommand },
  { name: 'plan', load: async () => (await import('./plan.js')).planCommand },
  { name: 'simulate', load: async () => (await import('./simulate.js')).simulateCommand },
  { name: 'boot', load: async () => (await import('./boot.js')).bootCommand },
  { name: 'gate', load: async () => (await import('./gate.js')).gateCommand },
  { name: 'vex', load: async () => (await import('./vex.js')).vexCommand },
  { name: 'fleet', load: async () => (await import('./fleet.js')).fleetCommand },
  { name: 'serve', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'worker', load: async () => (await import('./worker.js')).workerCommand },
];
