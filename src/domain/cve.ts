/** One published kernel CVE as kgap indexes it (from the CNA's `cve/published/YYYY/CVE-*` files). */

/** One `.dyad` line: `introVersion:introSha:fixVersion:fixSha`; null where the file says `0` (unknown / unfixed). */
export type DyadEntry = {
  readonly introVersion: string | null;
  readonly introSha: string | null;
  readonly fixVersion: string | null;
  readonly fixSha: string | null;
};

export const SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Cvss = {
  readonly score: number;
  readonly vector: string;
  readonly severity: Severity;
};

export type CveRecord = {
  readonly id: string;
  readonly title: string;
  /** YYYY-MM-DD (UTC) of the first vulns-repo commit that added the record's `.json`. */
  readonly published: string;
  /** YYYY-MM-DD (UTC) of the last commit that touched the `.json`. */
  readonly modified: string;
  readonly cvss: Cvss | null;
  readonly dyad: readonly DyadEntry[];
  /** Mainline fix commit(s) from `.sha1`. */
  readonly fixShas: readonly string[];
  /** Vulnerable (introducing) commit overrides from `.vulnerable`. */
  readonly vulnerableShas: readonly string[];
  /** Source files the fix touches (`affected[].programFiles`). */
  readonly programFiles: readonly string[];
};

/** What every report lists of a CVE beside its verdict: the record's id, title, publication day and CVSS. */
export type CveSummary = {
  readonly id: string;
  readonly title: string;
  readonly published: string;
  /** The CVSS base score and its rating; null when the record has none. */
  readonly cvss: number | null;
  readonly severity: Severity | null;
};

/** A record's summary, in the key order reports print it. */
export function cveSummaryOf(record: CveRecord): CveSummary {
  return {
    id: record.id,
    title: record.title,
    cvss: record.cvss?.score ?? null,
    severity: record.cvss?.severity ?? null,
    published: record.published,
  };
}

/** CVSS v3 qualitative rating (FIRST CVSS v3.1 specification, section 5). */
export function severityOf(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}
