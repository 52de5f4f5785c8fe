import type { CveRecord } from './cve.js';

export const INDEX_SCHEMA_VERSION = 1;

/** kgap's index of the vulns repository at one commit: what every analysis reads. */
export type VulnsIndex = {
  readonly schemaVersion: typeof INDEX_SCHEMA_VERSION;
  /** The vulns repository location the index was built from. */
  readonly source: string;
  /** The vulns commit the records are read at, and its committer date (ISO 8601). */
  readonly vulnsCommit: string;
  readonly vulnsCommitDate: string;
  /** Published records, sorted by id. */
  readonly records: readonly CveRecord[];
  /** Records that could not be read (counted warnings, never fatal). */
  readonly problems: readonly string[];
};
