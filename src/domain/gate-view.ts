import type { GateAssessment } from './gate-assessment.js';
import type { GateEvidence } from './gate-evidence.js';

/**
 * The gate's report: the assessment and the two sides as the user named them. What the gate use-case returns and
 * every gate renderer prints.
 */
export type GateView = {
  readonly assessment: GateAssessment;
  readonly baselinePath: string;
  readonly candidatePath: string;
  /** Both sides' evidence as read (every result of every run), for renderers that submit it (KCIDB). */
  readonly evidence: { readonly baseline: GateEvidence; readonly candidate: GateEvidence };
};
