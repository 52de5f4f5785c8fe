import { readFileSync } from 'node:fs';

/** Set by the bundler to package.json's version (scripts/build-cli.mjs); absent when run unbundled. */
declare const KGAP_VERSION: string | undefined;

/**
 * kgap's version, the one in package.json: inlined into the bundle at build time (no file to read on the
 * `--version` path), read from package.json beside dist/ when run unbundled (dist/src/cli/version.js).
 */
export function kgapVersion(): string {
  if (typeof KGAP_VERSION === 'string') return KGAP_VERSION;
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
