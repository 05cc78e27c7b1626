import type { QuoteItem, TriageEntitiesDto } from '@parley/shared/contracts';
import { QUOTE_LIMITS } from '@parley/shared/contracts';
import { DEFAULT_QUOTE_CURRENCY } from './quote-texts';

const NAME_MAX = 200;

export interface QuoteProposal {
  items: QuoteItem[];
  company: string | null;
  notes: string;
}

const wholeQuantity = (v: number | undefined) => (v !== undefined && Number.isFinite(v) && v >= 1 ? Math.min(Math.round(v), QUOTE_LIMITS.maxNumber - 1) : 1);

/**
 * What a free-text B2B message says about the quote it asks for, as a starting point an agent
 * confirms or edits: one item named after the message's first line, the first quantity and amount
 * (its currency), the company; every quantity and amount mentioned goes to the notes. Order
 * numbers are not about a new quote and are left out.
 */
export function proposalFromTriage(entities: TriageEntitiesDto | null, message: string, conversationDisplayId: number): QuoteProposal {
  const quantities = entities?.quantities ?? [];
  const amounts = entities?.amounts ?? [];
  const firstLine = message.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? '';
  const name = firstLine ? (firstLine.length > NAME_MAX ? `${firstLine.slice(0, NAME_MAX - 1)}…` : firstLine) : `Conversation #${conversationDisplayId}`;
  const price = amounts[0] && Number.isFinite(amounts[0].value) && amounts[0].value > 0 ? Math.min(amounts[0].value, QUOTE_LIMITS.maxNumber - 1) : null;
  const notes = [
    `Proposed by AI triage from conversation #${conversationDisplayId}; check the items before confirming.`,
    ...(quantities.length ? [`Quantities mentioned: ${quantities.map((q) => q.raw).join(', ')}`] : []),
    ...(amounts.length ? [`Amounts mentioned: ${amounts.map((a) => a.raw).join(', ')}`] : []),
  ].join('\n');
  return {
    items: [{ name, url: null, quantity: wholeQuantity(quantities[0]?.value), targetUnitPrice: price, currency: price !== null ? amounts[0].currency : DEFAULT_QUOTE_CURRENCY }],
    company: entities?.company?.trim() || null,
    notes: notes.slice(0, QUOTE_LIMITS.notes),
  };
}
