/**
 * SARIF 2.1.0 (OASIS, Errata 01) building blocks shared by `status --format sarif` and `harden --format sarif`:
 * one run, kgap as the driver, rules then results. GitHub code scanning reads this subset (docs/formats.md).
 */
import { KGAP_VERSION } from '../vex/vex-document.js';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** A file a result points at: its path as the user named it and, when known, the line that decides. */
export type SarifSpot = { readonly path: string; readonly line: number | null };

/** A path as a SARIF URI reference: relative paths stay relative (GitHub resolves them against the repository). */
export function artifactUri(path: string): string {
  const parts = path.split('/').map((p) => encodeURIComponent(p));
  const uri = parts.join('/');
  return path.startsWith('/') ? `file://${uri}` : uri;
}

/**
 * A SARIF location. GitHub needs a region with a start line; a thing the file does not name (an option absent
 * from a config) points at line 1, and the message says it is absent.
 */
export function locationOf(spot: SarifSpot) {
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(spot.path) },
      region: { startLine: spot.line ?? 1 },
    },
  };
}

/** The one-run log: tool (kgap, its rules), results, and run properties (what the run was about). */
export function renderSarifLog(run: {
  readonly automationId: string;
  readonly rules: readonly object[];
  readonly results: readonly object[];
  readonly properties: Readonly<Record<string, unknown>>;
}): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kgap',
            version: KGAP_VERSION,
            semanticVersion: KGAP_VERSION,
            rules: run.rules,
          },
        },
        automationDetails: { id: run.automationId },
        columnKind: 'unicodeCodePoints',
        results: run.results,
        properties: run.properties,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
