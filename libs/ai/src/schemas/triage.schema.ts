/**
 * Structured-output schema for triage and its validator. A remote model gets the JSON Schema (strict mode);
 * whatever comes back, from any provider, is validated again with `validateTriageOutput` before use.
 */
import type { CategoryId, TriageOutput } from '../ports';

export function triageJsonSchema(categories: readonly CategoryId[]) {
  const amount = {
    type: 'object',
    additionalProperties: false,
    required: ['raw', 'value', 'currency'],
    properties: { raw: { type: 'string' }, value: { type: 'number' }, currency: { type: 'string', enum: ['KRW', 'USD', 'JPY', 'EUR', 'CNY'] } },
  };
  const quantity = {
    type: 'object',
    additionalProperties: false,
    required: ['raw', 'value', 'unit'],
    properties: { raw: { type: 'string' }, value: { type: 'number' }, unit: { type: 'string' } },
  };
  return {
    name: 'triage_result',
    strict: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['category', 'confidence', 'sentiment', 'urgent', 'language', 'entities'],
      properties: {
        category: { type: 'string', enum: [...categories] },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
        sentiment: { type: 'string', enum: ['negative', 'neutral', 'positive'] },
        urgent: { type: 'boolean' },
        language: { type: 'string', enum: ['ko', 'en', 'mixed'] },
        entities: {
          type: 'object',
          additionalProperties: false,
          required: ['orderNumbers', 'trackingNumbers', 'company', 'quantities', 'amounts'],
          properties: {
            orderNumbers: { type: 'array', items: { type: 'string' } },
            trackingNumbers: { type: 'array', items: { type: 'string' } },
            company: { type: ['string', 'null'] },
            quantities: { type: 'array', items: quantity },
            amounts: { type: 'array', items: amount },
          },
        },
      },
    },
  } as const;
}

/** Returns a list of problems; empty means the output is usable. */
export function validateTriageOutput(value: unknown, categories: readonly CategoryId[]): string[] {
  const errors: string[] = [];
  if (!value || typeof value !== 'object') return ['not an object'];
  const o = value as Partial<TriageOutput>;
  if (typeof o.category !== 'string' || !categories.includes(o.category)) errors.push(`unknown category ${String(o.category)}`);
  if (typeof o.confidence !== 'number' || !(o.confidence >= 0 && o.confidence <= 1)) errors.push('confidence out of range');
  if (!['negative', 'neutral', 'positive'].includes(String(o.sentiment))) errors.push('bad sentiment');
  if (typeof o.urgent !== 'boolean') errors.push('urgent is not boolean');
  if (!['ko', 'en', 'mixed'].includes(String(o.language))) errors.push('bad language');
  const e = o.entities;
  if (!e || !Array.isArray(e.orderNumbers) || !Array.isArray(e.trackingNumbers) || !Array.isArray(e.quantities) || !Array.isArray(e.amounts)) {
    errors.push('bad entities');
  } else if (e.company !== null && typeof e.company !== 'string') {
    errors.push('bad company');
  }
  return errors;
}
