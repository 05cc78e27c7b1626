import { HttpErrorResponse } from '@angular/common/http';
import type { QuoteRequestSource } from '@parley/shared/contracts';
import { QUOTE_REQUEST_STATUSES, canTransitionQuote, type QuoteRequestStatus } from '@parley/shared/domain';
import { apiErrorCode } from '../../core/http/api-error';
import type { MessageKey } from '../../core/i18n/messages';

/** The statuses an agent may move a request to by hand (sending a quote is the way to `quoted`). */
export function agentMoves(from: QuoteRequestStatus): QuoteRequestStatus[] {
  return QUOTE_REQUEST_STATUSES.filter((to) => to !== from && canTransitionQuote(from, to, 'agent'));
}

export function statusKey(status: QuoteRequestStatus): MessageKey {
  return `quotes.status.${status}`;
}

/** The button text of a move ("Start review", "Decline"...). */
export function moveKey(to: QuoteRequestStatus): MessageKey {
  return `quotes.move.${to}`;
}

export function sourceKey(source: QuoteRequestSource): MessageKey {
  return `quotes.source.${source}`;
}

/** What to tell the agent when a quote call fails. */
export function quoteErrorKey(error: unknown): MessageKey {
  switch (apiErrorCode(error)) {
    case 'invalid_transition':
      return 'quotes.error.invalidTransition';
    case 'conflict':
      return 'quotes.error.conflict';
    case 'not_found':
      return 'quotes.error.notFound';
    case 'forbidden':
      return 'quotes.error.forbidden';
    case 'validation_failed':
    case 'invalid_payload':
      return 'quotes.error.validation';
    case 'rate_limited':
      return 'quotes.error.rateLimited';
    case 'service_unavailable':
      return 'quotes.error.unavailable';
    case null:
      return error instanceof HttpErrorResponse && error.status === 0 ? 'quotes.error.network' : 'quotes.error.failed';
    default:
      return 'quotes.error.failed';
  }
}
