/**
 * Turns the model's structured triage reply into a TriageOutput. The reply is checked again on receipt
 * (strict mode is a request, not a guarantee, and compatible servers differ): anything that is not valid
 * JSON or breaks the schema is an error and is never used.
 */
import { detectPromptInjection } from '../../guards/prompt-injection';
import type { CategoryId, MoneyAmount, Quantity, TriageEntities, TriageOutput } from '../../ports';
import { validateTriageOutput } from '../../schemas';
import { extractEntities } from '../offline/entities/entities';
import { AiProviderError } from './openai-errors';

const CURRENCIES = new Set<MoneyAmount['currency']>(['KRW', 'USD', 'JPY', 'EUR', 'CNY']);

export function parseTriageReply(content: string | null | undefined, text: string, categories: readonly CategoryId[]): TriageOutput {
  if (!content?.trim()) throw new AiProviderError('invalid_output', 'invalid output: empty reply');
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw new AiProviderError('invalid_output', 'invalid output: not JSON');
  }
  const problems = validateTriageOutput(value, categories);
  if (problems.length) throw new AiProviderError('invalid_output', `invalid output: ${problems.slice(0, 3).join(', ')}`);
  const reply = value as TriageOutput;
  return {
    category: reply.category,
    confidence: reply.confidence,
    sentiment: reply.sentiment,
    urgent: reply.urgent,
    language: reply.language,
    entities: mergeEntities(reply.entities, extractEntities(text)),
    // Deterministic, so it does not depend on the model noticing it is being instructed.
    injectionSuspected: detectPromptInjection(text).suspected,
  };
}

/**
 * Order and tracking numbers from the pattern extractor are exact, so they are always kept; the model adds
 * what patterns miss. For company, quantities and amounts the model's reading wins when it has one.
 */
function mergeEntities(fromModel: TriageEntities, extracted: TriageEntities): TriageEntities {
  const union = (a: string[], b: string[]) => [...new Set([...b, ...a.filter((s) => typeof s === 'string' && s.trim())])];
  const quantities = fromModel.quantities.filter(isQuantity);
  const amounts = fromModel.amounts.filter(isAmount);
  return {
    orderNumbers: union(fromModel.orderNumbers, extracted.orderNumbers),
    trackingNumbers: union(fromModel.trackingNumbers, extracted.trackingNumbers),
    company: (typeof fromModel.company === 'string' && fromModel.company.trim()) || extracted.company,
    quantities: quantities.length ? quantities : extracted.quantities,
    amounts: amounts.length ? amounts : extracted.amounts,
  };
}

function isQuantity(q: unknown): q is Quantity {
  const v = q as Quantity | null;
  return !!v && typeof v.raw === 'string' && Number.isFinite(v.value) && typeof v.unit === 'string';
}

function isAmount(a: unknown): a is MoneyAmount {
  const v = a as MoneyAmount | null;
  return !!v && typeof v.raw === 'string' && Number.isFinite(v.value) && CURRENCIES.has(v.currency);
}
