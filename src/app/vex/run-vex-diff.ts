/**
 * The VEX diff use-case (`kgap vex diff OLD NEW`): what changed between two publications of a product's VEX, in
 * any of the three formats kgap writes (OpenVEX, CycloneDX, CSAF; the two may differ). Reads through sources/,
 * compares in analysis/; never prints.
 */
import { compareVex, type VexDiff } from '../../analysis/vex/compare-vex.js';
import type { PublishedStatus, VexPublication } from '../../domain/vex-publication.js';
import { readVexDocument } from '../../sources/vex/read-vex-document.js';

export type VexDiffInput = {
  /** The earlier publication (a file path). */
  readonly old: string;
  /** The later publication. */
  readonly new: string;
};

/** One side of the diff: which document, and how many statements of each status it holds. */
export type VexDocumentSummary = {
  readonly source: string;
  readonly format: VexPublication['format'];
  readonly product: string | null;
  readonly timestamp: string | null;
  readonly counts: Readonly<Record<PublishedStatus, number>>;
};

export type VexDiffReport = {
  readonly old: VexDocumentSummary;
  readonly new: VexDocumentSummary;
  readonly diff: VexDiff;
  readonly warnings: readonly string[];
};

function summaryOf(p: VexPublication): VexDocumentSummary {
  const counts: Record<PublishedStatus, number> = { affected: 0, not_affected: 0, fixed: 0, under_investigation: 0 };
  for (const s of p.statements.values()) counts[s.status]++;
  return { source: p.source, format: p.format, product: p.product, timestamp: p.timestamp, counts };
}

/** Reads both documents and compares them. */
export async function runVexDiff(input: VexDiffInput): Promise<VexDiffReport> {
  const [before, after] = await Promise.all([readVexDocument(input.old), readVexDocument(input.new)]);
  const warnings: string[] = [];
  if (before.timestamp && after.timestamp && before.timestamp > after.timestamp)
    warnings.push(`${input.old} is newer (${before.timestamp}) than ${input.new} (${after.timestamp}): swapped?`);
  return { old: summaryOf(before), new: summaryOf(after), diff: compareVex(before, after), warnings };
}
