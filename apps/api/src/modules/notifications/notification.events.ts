/** Reserved for quote intake: staff are alerted when it is emitted (nothing emits it yet). */
export const QUOTE_REQUEST_CREATED = 'quote_request.created';

export interface QuoteRequestCreatedEvent {
  quoteRequestId: string;
  /** Human number, when quote requests get one. */
  displayId?: number;
  /** Null for the public web form (no inbox): admins are alerted. */
  inboxId: string | null;
  conversationId: string | null;
}
