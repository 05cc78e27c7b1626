import type { LabelledExample, Sentiment } from '../../../ports';

/**
 * Compact row format for the shipped starter set: [text, sentiment, urgent].
 * Sentiment: '-' negative, '0' neutral (default), '+' positive. Urgent: 'U'.
 */
export type StarterRow = [text: string, sentiment?: '-' | '0' | '+', urgent?: 'U'];

const SENTIMENT: Record<string, Sentiment> = { '-': 'negative', '0': 'neutral', '+': 'positive' };

export function expandRows(category: string, rows: StarterRow[]): LabelledExample[] {
  return rows.map(([text, sentiment = '0', urgent]) => ({
    text,
    category,
    sentiment: SENTIMENT[sentiment],
    urgent: urgent === 'U',
    source: 'starter',
  }));
}
