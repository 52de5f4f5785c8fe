import type { GateAssessment } from './gate-assessment.js';

/**
 * The gate's report: the assessment and the two sides as the user named them. What the gate use-case returns and
 * every gate renderer prints.
 */
export type GateView = {
  readonly assessment: GateAssessment;
  readonly baselinePath: string;
  readonly candidatePath: string;
};
