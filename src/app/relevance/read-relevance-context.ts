import { assessRelevance, type Relevance } from '../../analysis/relevance/assess-relevance.js';
import { type RelevanceSources, readRelevanceInputs } from './read-relevance-inputs.js';

/** The relevance engine bound to one product build, and what the user should know about its inputs. */
export type RelevanceContext = {
  readonly judge: (programFiles: readonly string[]) => Relevance;
  readonly warnings: readonly string[];
};

export type { RelevanceSources as RelevanceInputs } from './read-relevance-inputs.js';

/** Reads the config, the Kbuild model and the build's evidence once, for `kgap status --config`. */
export async function readRelevanceContext(inputs: RelevanceSources): Promise<RelevanceContext> {
  const { config, model, evidence, warnings } = await readRelevanceInputs(inputs);
  return { judge: (files) => assessRelevance(files, model, config, evidence), warnings };
}
