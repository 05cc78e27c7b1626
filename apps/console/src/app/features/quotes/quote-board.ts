import type { QuoteRequestCounts, QuoteRequestDto } from '@parley/shared/contracts';
import { QUOTE_REQUEST_STATUSES, type QuoteRequestStatus } from '@parley/shared/domain';
import { QuoteFilters, matchesQuoteFilters } from './quote-filters';

/** The loaded part of one status column, newest first, and the cursor of its next page (null = all loaded). */
export interface QuoteColumn {
  items: readonly QuoteRequestDto[];
  nextCursor: string | null;
}

export type QuoteColumns = Readonly<Record<QuoteRequestStatus, QuoteColumn>>;

export interface BoardState {
  columns: QuoteColumns;
  /** Per status, from the counts endpoint; null until loaded or when the API has none. */
  counts: QuoteRequestCounts | null;
}

export interface BoardContext {
  filters: QuoteFilters;
  meId: string | null;
}

export function emptyColumns(): QuoteColumns {
  return Object.fromEntries(QUOTE_REQUEST_STATUSES.map((s) => [s, { items: [], nextCursor: null }])) as unknown as QuoteColumns;
}

export const EMPTY_BOARD: BoardState = { columns: emptyColumns(), counts: null };

/** The status a `quote_request.updated` event says the request came from (`changes.status.from`), if any. */
export function previousStatus(changes: Record<string, unknown> | undefined): QuoteRequestStatus | null {
  const from = (changes?.['status'] as { from?: unknown } | undefined)?.from;
  return (QUOTE_REQUEST_STATUSES as readonly unknown[]).includes(from) ? (from as QuoteRequestStatus) : null;
}

/** The API's order within a column: newest request first, then id (descending), so live inserts agree with later pages. */
export function compareQuotes(a: QuoteRequestDto, b: QuoteRequestDto): number {
  const byCreated = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byCreated !== 0) return byCreated;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The column a request is shown in, if it is loaded. */
export function findQuote(columns: QuoteColumns, id: string): QuoteRequestDto | null {
  for (const status of QUOTE_REQUEST_STATUSES) {
    const found = columns[status].items.find((q) => q.id === id);
    if (found) return found;
  }
  return null;
}

/**
 * Puts a request's new state on the board: out of the column it was in, into the column of its
 * status when it matches the filters. A request older than the last loaded card of a column that
 * has more pages is left for that page, so it never shows twice.
 *
 * Counts (the API counts under the same filters) follow what the board can tell: a card that changed
 * column (or an event saying the status changed `from` another, for a matching card not loaded) moves
 * one count along, a shown card that no longer matches the filters leaves its count, and a request
 * `created` matching them adds one. The store refreshes the counts from the API shortly after, which
 * settles anything the board cannot see.
 */
export function upsertQuote(
  state: BoardState,
  quote: QuoteRequestDto,
  ctx: BoardContext,
  created = false,
  from: QuoteRequestStatus | null = null,
): BoardState {
  const previous = findQuote(state.columns, quote.id);
  const columns = { ...state.columns } as Record<QuoteRequestStatus, QuoteColumn>;
  if (previous) {
    const column = columns[previous.status];
    columns[previous.status] = { ...column, items: column.items.filter((q) => q.id !== quote.id) };
  }
  if (matchesQuoteFilters(quote, ctx.filters, ctx.meId)) {
    const column = columns[quote.status];
    const last = column.items[column.items.length - 1];
    const beyondLoaded = column.nextCursor !== null && last !== undefined && compareQuotes(quote, last) > 0;
    if (!beyondLoaded) columns[quote.status] = { ...column, items: [...column.items, quote].sort(compareQuotes) };
  }
  return { columns, counts: adjustCounts(state.counts, previous?.status ?? null, from, quote, ctx, created) };
}

function adjustCounts(
  counts: QuoteRequestCounts | null,
  shown: QuoteRequestStatus | null,
  from: QuoteRequestStatus | null,
  quote: QuoteRequestDto,
  ctx: BoardContext,
  created: boolean,
): QuoteRequestCounts | null {
  if (!counts) return counts;
  const matches = matchesQuoteFilters(quote, ctx.filters, ctx.meId);
  const before = shown ?? (matches ? from : null);
  if (before) {
    if (!matches) return { ...counts, [before]: Math.max(0, counts[before] - 1) };
    if (before === quote.status) return counts;
    return { ...counts, [before]: Math.max(0, counts[before] - 1), [quote.status]: counts[quote.status] + 1 };
  }
  return created && matches ? { ...counts, [quote.status]: counts[quote.status] + 1 } : counts;
}

/** Appends a column's next page, skipping cards already on the board (a live update may have brought or moved one). */
export function appendColumnPage(state: BoardState, status: QuoteRequestStatus, items: readonly QuoteRequestDto[], nextCursor: string | null): BoardState {
  const seen = new Set(QUOTE_REQUEST_STATUSES.flatMap((s) => state.columns[s].items.map((q) => q.id)));
  const column: QuoteColumn = { items: [...state.columns[status].items, ...items.filter((q) => !seen.has(q.id))], nextCursor };
  return { ...state, columns: { ...state.columns, [status]: column } };
}
