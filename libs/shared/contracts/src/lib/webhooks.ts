import type { ContactCapturedEvent } from './realtime';
import type { ReplyDraftDto, TriageResultDto } from './ai';
import type { ConversationDto } from './conversations';
import type { MessageDto } from './messages';
import type { QuoteRequestEvent } from './quotes';

/** Events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = [
  'message.created',
  'conversation.created',
  'conversation.updated',
  'triage.completed',
  'reply_draft.created',
  'reply_draft.updated',
  'quote_request.created',
  'quote_request.updated',
  'contact.captured',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent by "Send test" only; not subscribable. */
export const WEBHOOK_PING_EVENT = 'ping';
export type WebhookDeliveryEvent = WebhookEvent | typeof WEBHOOK_PING_EVENT;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Request headers of every delivery (lower case, as HTTP/2 and Node's `req.headers` present them). */
export const WEBHOOK_HEADERS = {
  event: 'x-parley-event',
  delivery: 'x-parley-delivery',
  timestamp: 'x-parley-timestamp',
  signature: 'x-parley-signature',
} as const;

/** The JSON body of a delivery. `id` is the delivery id (also in `x-parley-delivery`): dedupe by it. */
export interface WebhookPayload<E extends WebhookDeliveryEvent = WebhookDeliveryEvent> {
  id: string;
  event: E;
  /** When the event happened (ISO 8601); retries and redeliveries keep it. */
  createdAt: string;
  data: E extends keyof WebhookEventData ? WebhookEventData[E] : unknown;
}

/** `data` of each event. */
export interface WebhookEventData {
  'message.created': { inboxId: string; message: MessageDto };
  'conversation.created': { conversation: ConversationDto };
  'conversation.updated': { conversation: ConversationDto; changes: Record<string, unknown> };
  'triage.completed': { inboxId: string; triage: TriageResultDto };
  'reply_draft.created': { inboxId: string; draft: ReplyDraftDto };
  /** `message`: the message an approved (or auto-sent) draft became. */
  'reply_draft.updated': { inboxId: string; draft: ReplyDraftDto; message?: MessageDto };
  /** A visitor left contact details in the widget (the one-line capture). */
  'contact.captured': ContactCapturedEvent;
  'quote_request.created': QuoteRequestEvent;
  /** Status changes (sent, accepted, declined, expired), edits and assignment. */
  'quote_request.updated': QuoteRequestEvent;
  ping: { webhookId: string; message: string };
}

export interface WebhookDto {
  id: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  enabled: boolean;
  /** Deliver private notes too (internal data; off by default). */
  includePrivate: boolean;
  /** Why Parley disabled it (e.g. the receiver answered 410 Gone); null when an admin did or it is enabled. */
  disabledReason: string | null;
  /** The secret's last characters, to tell secrets apart without showing them. */
  secretHint: string;
  createdAt: string;
  updatedAt: string;
}

/** Create, detail and rotate responses (admins only) carry the signing secret. */
export interface WebhookWithSecretDto extends WebhookDto {
  secret: string;
}

export interface CreateWebhookRequest {
  url: string;
  events: WebhookEvent[];
  description?: string | null;
  enabled?: boolean;
  includePrivate?: boolean;
}

export type UpdateWebhookRequest = Partial<CreateWebhookRequest>;

export interface WebhookDeliveryDto {
  id: string;
  webhookId: string;
  event: WebhookDeliveryEvent;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  /** Earliest time of the next automatic attempt while `pending` after a failure (backoff adds jitter). */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  /** The body that is sent. */
  payload: WebhookPayload;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDeliveryListQuery {
  cursor?: string;
  limit?: number;
}
