/** Shape check for drafts from any provider; the pipeline stores only drafts that pass. */
import type { Draft } from '../ports';

export function validateDraft(value: unknown): string[] {
  const errors: string[] = [];
  if (!value || typeof value !== 'object') return ['not an object'];
  const d = value as Partial<Draft>;
  if (typeof d.body !== 'string' || d.body.trim() === '') errors.push('empty body');
  if (!Array.isArray(d.sources)) errors.push('sources missing');
  else if (d.sources.some((s) => typeof s?.id !== 'string' || typeof s?.title !== 'string' || typeof s?.score !== 'number')) errors.push('bad source');
  if (typeof d.confidence !== 'number' || !(d.confidence >= 0 && d.confidence <= 1)) errors.push('confidence out of range');
  if (typeof d.needsHuman !== 'boolean') errors.push('needsHuman is not boolean');
  if (typeof d.reason !== 'string') errors.push('reason missing');
  return errors;
}
