import type { QuoteRequestStatus } from '@parley/shared/domain';
import type { Ack } from './realtime';

/**
 * B2B quote intake. A `QuoteRequest` comes from the widget's quote flow, from a website form posting to
 * the public endpoint, from an agent, or is proposed by the AI from a free-text `b2b_quote` conversation
 * (then `proposed: true` until an agent confirms it). Status moves by the rules in
 * `@parley/shared/domain` (`QUOTE_REQUEST_TRANSITIONS`).
 */
export const QUOTE_REQUEST_SOURCES = ['widget', 'public_form', 'agent', 'ai_proposal'] as const;
export type QuoteRequestSource = (typeof QUOTE_REQUEST_SOURCES)[number];

/** ISO 4217 codes the forms offer; the API accepts any three-letter upper-case code. */
export const QUOTE_CURRENCIES = ['KRW', 'USD', 'EUR', 'JPY', 'CNY'] as const;

export const QUOTE_LIMITS = {
  items: 50,
  itemName: 500,
  notes: 5_000,
  /** Quantities and prices are positive and below this. */
  maxNumber: 1_000_000_000_000,
} as const;

export interface QuoteItem {
  /** A product name or a URL (a product page); at least one of the two. */
  name: string | null;
  url: string | null;
  quantity: number;
  targetUnitPrice: number | null;
  /** ISO 4217, upper case. */
  currency: string;
}

export interface QuoteContact {
  name: string | null;
  company: string | null;
  email: string | null;
  /** E.164 when it could be parsed. */
  phone: string | null;
}

/** The quote the business sent. */
export interface QuoteOffer {
  amount: number;
  currency: string;
  /** Date (YYYY-MM-DD) after which it expires. */
  validUntil: string;
  message: string | null;
  sentAt: string;
  sentById: string | null;
}

export interface QuoteHistoryEntry {
  at: string;
  /** `created`, `status`, `edited`, `assigned`, `quote_sent`, `confirmed` */
  action: string;
  from: QuoteRequestStatus | null;
  to: QuoteRequestStatus | null;
  /** Agent id, or null for the customer / the system. */
  actorId: string | null;
  actor: 'agent' | 'customer' | 'system' | 'ai';
  note: string | null;
}

export interface QuoteRequestDto {
  id: string;
  /** Human number (Q-1042 in the UI). */
  displayId: number;
  status: QuoteRequestStatus;
  source: QuoteRequestSource;
  /** An AI proposal an agent has not confirmed yet. */
  proposed: boolean;
  inboxId: string | null;
  conversationId: string | null;
  contactId: string | null;
  contact: QuoteContact;
  items: QuoteItem[];
  /** Date (YYYY-MM-DD). */
  deadline: string | null;
  /** ISO 3166-1 alpha-2. */
  destinationCountry: string | null;
  notes: string | null;
  assigneeId: string | null;
  offer: QuoteOffer | null;
  /** When the customer accepted or declined (through the signed link). */
  respondedAt: string | null;
  history: QuoteHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

/** The fields a customer (or agent) fills; shared by the widget form, the public endpoint and agents. */
export interface QuoteRequestFields {
  items: Array<Partial<Pick<QuoteItem, 'name' | 'url' | 'targetUnitPrice' | 'currency'>> & { quantity: number }>;
  deadline?: string | null;
  destinationCountry?: string | null;
  notes?: string | null;
  contact?: Partial<QuoteContact>;
}

/** `POST /api/v1/public/quote-requests` (no auth; rate-limited per IP). */
export interface PublicQuoteRequest extends QuoteRequestFields {
  inboxToken: string;
  /** Honeypot: a hidden form field people leave empty. When filled, the answer looks the same and nothing is stored. */
  website?: string;
}
export interface PublicQuoteResponse {
  id: string;
  displayId: number;
  status: QuoteRequestStatus;
}

/** `POST /api/v1/quote-requests` (agents). */
export interface CreateQuoteRequest extends QuoteRequestFields {
  inboxId?: string | null;
  conversationId?: string | null;
}

/** `PATCH /api/v1/quote-requests/:id`: edit fields, move status (by the transition rules), assign, confirm a proposal. */
export interface UpdateQuoteRequest extends Partial<QuoteRequestFields> {
  status?: QuoteRequestStatus;
  assigneeId?: string | null;
  /** Confirms an AI proposal (sets `proposed` to false). */
  confirm?: boolean;
}

/** `POST /api/v1/quote-requests/:id/send`: renders the PDF, emails it to the contact, posts it into the conversation, status → quoted. */
export interface SendQuoteRequest {
  amount: number;
  currency: string;
  validUntil: string;
  message?: string | null;
  locale?: 'ko' | 'en';
}

export interface QuoteRequestListQuery {
  status?: QuoteRequestStatus;
  inboxId?: string;
  assignee?: 'me' | 'unassigned' | 'any' | string;
  proposed?: boolean;
  q?: string;
  cursor?: string;
  limit?: number;
}

/** `GET /api/v1/quote-requests/counts` takes the list's filters (not status or paging): the board's headers count what its columns show. */
export type QuoteRequestCountsQuery = Omit<QuoteRequestListQuery, 'status' | 'cursor' | 'limit'>;

/** `GET /api/v1/quote-requests/counts`: per status, for the board's column headers. */
export type QuoteRequestCounts = Record<QuoteRequestStatus, number>;

/** Widget socket event `quote.submit` (the quote form step of a flow). */
export interface SubmitQuotePayload extends QuoteRequestFields {
  /** A UUID made by the client; resending it returns the first ack and stores nothing new. */
  clientRequestId: string;
  conversationId?: string;
}
/** What a visitor sees of their request. */
export interface VisitorQuoteRequest {
  id: string;
  displayId: number;
  status: QuoteRequestStatus;
  conversationId: string | null;
}
export type SubmitQuoteAck = Ack<{ quoteRequest: VisitorQuoteRequest }>;

/** Agent socket events and webhooks. */
export interface QuoteRequestEvent {
  quoteRequest: QuoteRequestDto;
  changes?: Record<string, unknown>;
}
