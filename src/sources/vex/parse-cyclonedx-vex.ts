import { z } from 'zod';
import type { PublishedStatement, PublishedStatus, VexPublication } from '../../domain/vex-publication.js';

const vulnerabilitySchema = z.looseObject({
  id: z.string().min(1),
  recommendation: z.string().optional(),
  analysis: z.looseObject({ state: z.string().optional(), justification: z.string().optional() }).optional(),
});

/** CycloneDX (1.4 and later carry `vulnerabilities`): `bomFormat` names the format. */
export const cyclonedxSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  metadata: z
    .looseObject({
      timestamp: z.string().optional(),
      component: z.looseObject({ purl: z.string().optional(), name: z.string().optional() }).optional(),
    })
    .optional(),
  vulnerabilities: z.array(vulnerabilitySchema).default([]),
});

/**
 * CycloneDX `analysis.state` in VEX terms (CycloneDX 1.6 "impactAnalysisState"): exploitable and in_triage are
 * affected (in_triage: present, not yet judged), resolved* fixed, not_affected and false_positive not affected.
 * A vulnerability without an analysis is listed as present: affected.
 */
function justificationOf(text: string | undefined): string | null {
  return text === undefined ? null : (JUSTIFICATION[text] ?? text);
}

const STATE: Record<string, PublishedStatus> = {
  exploitable: 'affected',
  in_triage: 'affected',
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
};

/**
 * CycloneDX justifications in the CISA/OpenVEX vocabulary (which CSAF's flag labels share), so documents in
 * different formats compare: the vocabularies differ, the nearest label is taken (docs/formats.md, "vex diff").
 */
const JUSTIFICATION: Record<string, string> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  requires_configuration: 'vulnerable_code_not_in_execute_path',
  requires_dependency: 'component_not_present',
  requires_environment: 'vulnerable_code_not_in_execute_path',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'vulnerable_code_cannot_be_controlled_by_adversary',
  protected_by_mitigating_control: 'inline_mitigations_already_exist',
};

/** A CycloneDX BOM's vulnerabilities by id. */
export function parseCyclonedxVex(doc: z.infer<typeof cyclonedxSchema>, source: string): VexPublication {
  const statements = new Map<string, PublishedStatement>();
  for (const v of doc.vulnerabilities) {
    const status = STATE[v.analysis?.state ?? 'in_triage'] ?? 'affected';
    statements.set(v.id, {
      id: v.id,
      status,
      justification: status === 'not_affected' ? justificationOf(v.analysis?.justification) : null,
      action: v.recommendation ?? null,
    });
  }
  const c = doc.metadata?.component;
  return {
    source,
    format: 'cyclonedx',
    product: c?.purl ?? c?.name ?? null,
    timestamp: doc.metadata?.timestamp ?? null,
    statements,
  };
}
