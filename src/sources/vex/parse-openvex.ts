import { z } from 'zod';
import { PUBLISHED_STATUSES, type PublishedStatement, type VexPublication } from '../../domain/vex-publication.js';

const statementSchema = z.looseObject({
  vulnerability: z.looseObject({ name: z.string().min(1) }),
  products: z.array(z.looseObject({ '@id': z.string().optional() })).optional(),
  status: z.enum(PUBLISHED_STATUSES),
  justification: z.string().optional(),
  action_statement: z.string().optional(),
  timestamp: z.string().optional(),
});

/** OpenVEX v0.2.0 (openvex/spec): `@context` names the spec. */
export const openvexSchema = z.looseObject({
  '@context': z.string().startsWith('https://openvex.dev/ns'),
  timestamp: z.string().optional(),
  statements: z.array(statementSchema),
});

/**
 * An OpenVEX document's statements by vulnerability. Several statements on one vulnerability: the latest
 * (by statement timestamp, else document order) wins, as the spec says later statements supersede earlier ones.
 */
export function parseOpenvex(doc: z.infer<typeof openvexSchema>, source: string): VexPublication {
  // A statement without its own timestamp has the document's (OpenVEX spec, "Statement").
  const base = doc.timestamp ?? '';
  const ordered = doc.statements
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.timestamp ?? base).localeCompare(b.s.timestamp ?? base) || a.i - b.i);
  const statements = new Map<string, PublishedStatement>();
  for (const { s } of ordered) {
    const id = s.vulnerability.name;
    statements.set(id, {
      id,
      status: s.status,
      justification: s.justification ?? null,
      action: s.action_statement ?? null,
    });
  }
  const product = doc.statements[0]?.products?.[0]?.['@id'] ?? null;
  return { source, format: 'openvex', product, timestamp: doc.timestamp ?? null, statements };
}
