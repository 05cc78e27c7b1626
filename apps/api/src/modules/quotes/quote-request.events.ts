import type { QuoteRequestEvent } from '@parley/shared/contracts';

/** In-process domain events, emitted after the transaction commits (agents' sockets, webhooks, staff alerts listen). */
export const QUOTE_REQUEST_CREATED = 'quote_request.created';
export const QUOTE_REQUEST_UPDATED = 'quote_request.updated';

/** The wire shape of the socket event and the webhook: the request as it is now and what changed (`{ field: { from, to } }`). */
export type QuoteRequestChangedEvent = QuoteRequestEvent;
