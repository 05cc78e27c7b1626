import type { TriageOutput } from '@parley/ai';

/** Only a model at least this sure of another category overrules the visitor's own flow choice. */
export const FLOW_OVERRIDE_CONFIDENCE = 0.9;

/** What triage stores as the category, and what decided it. */
export interface TriageDecision {
  category: string;
  confidence: number | null;
  /** `flow`: the category is the one the conversation's flow choice implies. */
  signal: 'flow' | null;
}

/**
 * The category to store when the visitor picked a flow button that implies one: the flow's, unless
 * the model is very confident of another. When the flow overrules the model, the confidence is the
 * model's probability for the flow's category (null when the model gives no per-category scores).
 */
export function decideWithFlow(output: Pick<TriageOutput, 'category' | 'confidence' | 'scores'>, flowCategory: string | null | undefined): TriageDecision {
  const model: TriageDecision = { category: output.category, confidence: output.confidence, signal: null };
  if (!flowCategory) return model;
  if (output.category === flowCategory) return { ...model, signal: 'flow' };
  if (output.confidence >= FLOW_OVERRIDE_CONFIDENCE) return model;
  return { category: flowCategory, confidence: output.scores?.[flowCategory] ?? null, signal: 'flow' };
}
