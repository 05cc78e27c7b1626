import type { QuoteRequestCountsQuery, QuoteRequestDto, QuoteRequestListQuery } from '@parley/shared/contracts';
import { LIMITS, type QuoteRequestStatus } from '@parley/shared/domain';

export type QuoteAssigneeFilter = 'any' | 'me' | 'unassigned';

/** What the quote board shows. The inbox is the top bar's; the rest lives in the URL (see `quoteFiltersFromParams`). */
export interface QuoteFilters {
  inboxId: string | null;
  assignee: QuoteAssigneeFilter;
  /** Only AI proposals an agent has not confirmed yet. */
  proposedOnly: boolean;
  q: string;
}

export const DEFAULT_QUOTE_FILTERS: QuoteFilters = { inboxId: null, assignee: 'any', proposedOnly: false, q: '' };

export const QUOTE_ASSIGNEE_FILTERS: readonly QuoteAssigneeFilter[] = ['any', 'me', 'unassigned'];

/** URL query parameter of each filter kept in the URL. */
export const QUOTE_FILTER_PARAMS = { assignee: 'assignee', proposedOnly: 'ai', q: 'q' } as const;

/** Filters from URL query parameters; unknown values fall back to the default. The inbox is not in the URL. */
export function quoteFiltersFromParams(params: Readonly<Record<string, unknown>>): Omit<QuoteFilters, 'inboxId'> {
  const text = (name: string) => {
    const value = params[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  const assignee = text(QUOTE_FILTER_PARAMS.assignee) as QuoteAssigneeFilter;
  return {
    assignee: QUOTE_ASSIGNEE_FILTERS.includes(assignee) ? assignee : DEFAULT_QUOTE_FILTERS.assignee,
    proposedOnly: text(QUOTE_FILTER_PARAMS.proposedOnly) === '1',
    q: text(QUOTE_FILTER_PARAMS.q).slice(0, LIMITS.searchMax),
  };
}

/** Query parameters for the router; a default value is `null`, which removes the parameter. */
export function quoteFiltersToParams(filters: QuoteFilters): Record<string, string | null> {
  return {
    [QUOTE_FILTER_PARAMS.assignee]: filters.assignee === 'any' ? null : filters.assignee,
    [QUOTE_FILTER_PARAMS.proposedOnly]: filters.proposedOnly ? '1' : null,
    [QUOTE_FILTER_PARAMS.q]: filters.q.trim() || null,
  };
}

/** The API query of one board column: its status and page, under the board's filters. */
export function quoteListQuery(filters: QuoteFilters, status: QuoteRequestStatus, cursor?: string | null, limit?: number): QuoteRequestListQuery {
  const query: QuoteRequestListQuery = { status, ...quoteCountsQuery(filters) };
  if (cursor) query.cursor = cursor;
  if (limit) query.limit = limit;
  return query;
}

/** The board's filters as API query parameters: the column counts take the same ones, so a header counts what its column shows. */
export function quoteCountsQuery(filters: QuoteFilters): QuoteRequestCountsQuery {
  const query: QuoteRequestCountsQuery = {};
  if (filters.inboxId) query.inboxId = filters.inboxId;
  if (filters.assignee !== 'any') query.assignee = filters.assignee;
  if (filters.proposedOnly) query.proposed = true;
  const q = filters.q.trim();
  if (q) query.q = q;
  return query;
}

export function sameQuoteFilters(a: QuoteFilters, b: QuoteFilters): boolean {
  return a.inboxId === b.inboxId && a.assignee === b.assignee && a.proposedOnly === b.proposedOnly && a.q.trim() === b.q.trim();
}

export function hasNarrowingFilters(filters: QuoteFilters): boolean {
  return filters.assignee !== 'any' || filters.proposedOnly || filters.q.trim() !== '';
}

/**
 * Whether a quote request belongs on the board, judged in the browser for live events. Mirrors the
 * API's filters; the text search approximates it (Q-number, contact, items, notes).
 */
export function matchesQuoteFilters(quote: QuoteRequestDto, filters: QuoteFilters, meId: string | null): boolean {
  if (filters.inboxId && quote.inboxId !== filters.inboxId) return false;
  if (filters.assignee === 'me' && (!meId || quote.assigneeId !== meId)) return false;
  if (filters.assignee === 'unassigned' && quote.assigneeId !== null) return false;
  if (filters.proposedOnly && !quote.proposed) return false;
  return matchesSearch(quote, filters.q);
}

function matchesSearch(quote: QuoteRequestDto, q: string): boolean {
  const term = q.trim().toLowerCase();
  if (!term) return true;
  const number = /^(?:q-?|#)?(\d{1,9})$/.exec(term);
  if (number && quote.displayId === Number(number[1])) return true;
  const { contact } = quote;
  const fields = [contact.name, contact.company, contact.email, contact.phone, quote.notes, ...quote.items.flatMap((i) => [i.name, i.url])];
  return fields.some((field) => field?.toLowerCase().includes(term));
}
