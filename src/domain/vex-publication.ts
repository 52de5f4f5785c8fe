/** A published VEX document (OpenVEX, CycloneDX or CSAF) reduced to what `kgap vex diff` compares. */

export type VexDocumentFormat = 'openvex' | 'cyclonedx' | 'csaf';

/**
 * The statuses every format can say, in OpenVEX's spelling (the mapping per format is in docs/formats.md); the
 * OpenVEX reader validates against this list.
 */
export const PUBLISHED_STATUSES = ['affected', 'not_affected', 'fixed', 'under_investigation'] as const;
export type PublishedStatus = (typeof PUBLISHED_STATUSES)[number];

/** What a document says about one vulnerability. */
export type PublishedStatement = {
  readonly id: string;
  readonly status: PublishedStatus;
  /** not_affected: the justification as the format spells it (`vulnerable_code_not_present`, `code_not_present`…). */
  readonly justification: string | null;
  /** affected: the action, recommendation or remediation text. */
  readonly action: string | null;
};

export type VexPublication = {
  readonly source: string;
  readonly format: VexDocumentFormat;
  /** The product the document is about (a purl, product name or id), when it names one. */
  readonly product: string | null;
  readonly timestamp: string | null;
  /** By vulnerability id. */
  readonly statements: ReadonlyMap<string, PublishedStatement>;
};
