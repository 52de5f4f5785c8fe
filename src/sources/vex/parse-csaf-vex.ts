import { z } from 'zod';
import type { PublishedStatement, PublishedStatus, VexPublication } from '../../domain/vex-publication.js';

const ids = z.array(z.string()).optional();
const vulnerabilitySchema = z.looseObject({
  cve: z.string().optional(),
  ids: z.array(z.looseObject({ text: z.string() })).optional(),
  product_status: z
    .looseObject({
      first_affected: ids,
      known_affected: ids,
      last_affected: ids,
      known_not_affected: ids,
      first_fixed: ids,
      fixed: ids,
      recommended: ids,
      under_investigation: ids,
    })
    .optional(),
  flags: z.array(z.looseObject({ label: z.string() })).optional(),
  remediations: z.array(z.looseObject({ details: z.string() })).optional(),
});

/** CSAF 2.0: `document.csaf_version` names the format. */
export const csafSchema = z.looseObject({
  document: z.looseObject({
    csaf_version: z.string(),
    tracking: z.looseObject({ current_release_date: z.string().optional() }).optional(),
  }),
  vulnerabilities: z.array(vulnerabilitySchema).default([]),
});

type CsafVulnerability = z.infer<typeof vulnerabilitySchema>;

/** The product status in VEX terms (CSAF 2.0 section 3.2.3.9); the most urgent wins when several are given. */
function statusOf(v: CsafVulnerability): PublishedStatus | null {
  const p = v.product_status ?? {};
  if (p.known_affected?.length || p.first_affected?.length || p.last_affected?.length) return 'affected';
  if (p.under_investigation?.length) return 'under_investigation';
  if (p.fixed?.length || p.first_fixed?.length) return 'fixed';
  if (p.known_not_affected?.length) return 'not_affected';
  return null;
}

/** A CSAF document's vulnerabilities by CVE id (or first other id). */
export function parseCsafVex(doc: z.infer<typeof csafSchema>, source: string): VexPublication {
  const statements = new Map<string, PublishedStatement>();
  for (const v of doc.vulnerabilities) {
    const id = v.cve ?? v.ids?.[0]?.text;
    const status = statusOf(v);
    if (!id || !status) continue;
    statements.set(id, {
      id,
      status,
      justification: status === 'not_affected' ? (v.flags?.[0]?.label ?? null) : null,
      action: status === 'affected' ? (v.remediations?.[0]?.details ?? null) : null,
    });
  }
  const tracking = doc.document.tracking;
  return { source, format: 'csaf', product: null, timestamp: tracking?.current_release_date ?? null, statements };
}
