export const QUOTE_REQUEST_STATUSES = ['new', 'in_review', 'quoted', 'accepted', 'declined', 'expired'] as const;
export type QuoteRequestStatus = (typeof QUOTE_REQUEST_STATUSES)[number];

/**
 * Who may move a quote request where. Agents review and send (sending is what makes it `quoted`);
 * only the customer's signed link accepts or declines; the expiry sweep expires. A quote can be sent
 * again (a revised offer) while it is `quoted` or `expired`.
 */
export const QUOTE_REQUEST_TRANSITIONS: Record<QuoteRequestStatus, readonly QuoteRequestStatus[]> = {
  new: ['in_review', 'quoted', 'declined'],
  in_review: ['new', 'quoted', 'declined'],
  quoted: ['quoted', 'accepted', 'declined', 'expired'],
  accepted: [],
  declined: ['in_review'],
  expired: ['in_review', 'quoted'],
};

export type QuoteActor = 'agent' | 'customer' | 'system';

/** The moves each actor may make by hand (`quoted` is reached only by sending a quote). */
const ACTOR_TARGETS: Record<QuoteActor, readonly QuoteRequestStatus[]> = {
  agent: ['new', 'in_review', 'declined'],
  customer: ['accepted', 'declined'],
  system: ['quoted', 'expired'],
};

export function canTransitionQuote(from: QuoteRequestStatus, to: QuoteRequestStatus, actor: QuoteActor): boolean {
  if (!QUOTE_REQUEST_TRANSITIONS[from].includes(to) || !ACTOR_TARGETS[actor].includes(to)) return false;
  // A customer answers only a quote that is on the table.
  return actor !== 'customer' || from === 'quoted';
}

/** Whether an offer can be sent (first or revised). */
export const canSendQuote = (status: QuoteRequestStatus): boolean => QUOTE_REQUEST_TRANSITIONS[status].includes('quoted');
