import type { GateAssessment } from '../../analysis/gate/gate-report.js';

/** What the gate renderers print: the assessment and the two sides as the user named them. */
export type GateView = {
  readonly assessment: GateAssessment;
  readonly baselinePath: string;
  readonly candidatePath: string;
};
