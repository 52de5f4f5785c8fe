/** kgap's library API: the CLI (and any server) call these. */
export * from './domain/cve.js';
export * from './domain/distro-version.js';
export * from './domain/kernel-config.js';
export * from './domain/kernel-version.js';
