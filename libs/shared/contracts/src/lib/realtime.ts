import type { AgentAvailability } from '@parley/shared/domain';
import type { ConversationDto } from './conversations';
import type { ContactDto } from './contacts';
import type { ErrorCode } from './errors';
import type { FlowChoice, FlowDefinition, MessageContent } from './flows';
import type { MessageDto } from './messages';

/**
 * The live-chat protocol: socket.io namespaces, event names and payloads, shared by the API,
 * the console and the widget. docs/widget-protocol.md describes it for third-party clients.
 * Transport: websocket only (no long-polling), so several API processes need no sticky sessions.
 */
export const NAMESPACES = { widget: '/widget', agents: '/agents' } as const;

/** Every acknowledged emit answers with one of these. */
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: { code: ErrorCode; message: string; retryAfterMs?: number } };

// ---------------------------------------------------------------------------------------------
// Widget (visitor) side
// ---------------------------------------------------------------------------------------------

/** POST /api/v1/widget/sessions */
export interface WidgetSessionRequest {
  inboxToken: string;
  /** The token from an earlier session on this device; omitted on the first visit. */
  visitorToken?: string;
  /** Signed-in users of the host site; `identifierHash` = hex HMAC-SHA256(inbox identity secret, identifier). */
  identity?: { identifier: string; name?: string; email?: string; identifierHash?: string };
  locale?: string;
  /** Origin of the page embedding the widget (the loader passes it); checked against the inbox's allowed origins. */
  hostOrigin?: string;
}

/** What a visitor may see of a message: no private notes, no activity, no internal ids of other parties. */
export interface VisitorMessage {
  id: string;
  conversationId: string;
  seq: number;
  /** `incoming` = written by the visitor; `outgoing` = by the business (agent or approved AI reply). */
  messageType: 'incoming' | 'outgoing' | 'template';
  body: string;
  clientMessageId: string | null;
  /** Flow buttons to show, a button the visitor clicked, or a sent quote; null for plain text. */
  content: MessageContent | null;
  sender: { type: 'contact' | 'agent' | 'bot'; name: string | null; avatarUrl: string | null };
  createdAt: string;
}

export interface VisitorConversation {
  id: string;
  status: ConversationDto['status'];
  lastSeq: number;
  /** Highest seq of the business's messages the visitor has read, and of the visitor's the business has read. */
  contactLastReadSeq: number;
  agentLastReadSeq: number;
  messages: VisitorMessage[];
}

export interface InboxAvailability {
  /** An agent is online and the inbox is inside business hours. */
  online: boolean;
  /** Typical wait in minutes when online; when offline, ISO time of the next opening (null = unknown). */
  expectedReplyMinutes: number | null;
  nextOpenAt: string | null;
}

export interface WidgetSessionResponse {
  visitorToken: string;
  contact: Pick<ContactDto, 'id' | 'name' | 'email' | 'phone'>;
  conversations: VisitorConversation[];
  /** `flow`: the inbox's button scenario when enabled; the widget shows its start step before the first message. */
  inbox: { name: string; availability: InboxAvailability; greeting: string | null; flow: FlowDefinition | null };
}

export const WIDGET_CLIENT_EVENTS = {
  send: 'message.send',
  sync: 'conversation.sync',
  typing: 'typing',
  read: 'message.read',
  updateContact: 'contact.update',
  /** One free line ("홍길동 / 한빛상사 / 010-1234-5678 / hong@hanbit.kr"): the server reads and stores what it can. */
  captureContact: 'contact.capture',
  /** The quote form of a flow (`SubmitQuotePayload` → `SubmitQuoteAck`). */
  submitQuote: 'quote.submit',
} as const;

export const WIDGET_SERVER_EVENTS = {
  messageCreated: 'message.created',
  typing: 'typing',
  read: 'message.read',
  availability: 'inbox.availability',
  conversationUpdated: 'conversation.updated',
} as const;

export interface SendMessagePayload {
  /** A UUID made by the client; resending the same one returns the first ack and stores nothing new. */
  clientMessageId: string;
  body: string;
  /** Omit to open a conversation (or continue the visitor's open one). */
  conversationId?: string;
  /** The flow button this message clicks (its body is the button's label). The server answers with the next step. */
  flow?: FlowChoice;
  locale?: 'ko' | 'en';
}
export type SendMessageAck = Ack<{ message: { id: string; conversationId: string; seq: number; createdAt: string } }>;

export interface SyncPayload {
  conversationId: string;
  /** The highest seq the client has; the ack carries every later visible message, oldest first. */
  afterSeq: number;
}
export type SyncAck = Ack<{ messages: VisitorMessage[]; agentLastReadSeq: number }>;

export interface TypingPayload {
  conversationId: string;
  typing: boolean;
}

export interface ReadPayload {
  conversationId: string;
  /** The highest seq the reader has seen. */
  seq: number;
}

export interface UpdateContactPayload {
  name?: string;
  email?: string;
  phone?: string;
}
export type UpdateContactAck = Ack<{ contact: WidgetSessionResponse['contact'] }>;

export interface CaptureContactPayload {
  line: string;
  locale?: 'ko' | 'en';
}
export type CaptureContactAck = Ack<{
  contact: WidgetSessionResponse['contact'];
  /** What was understood, to show back ("확인했어요: 홍길동 · 한빛상사 · 010-1234-5678"). */
  summary: string;
  /** Asks only for what is missing or invalid; null when nothing is. */
  followUp: string | null;
}>;

/** To agents when a visitor leaves contact details (also noted in the conversation). */
export interface ContactCapturedEvent {
  contactId: string;
  inboxId: string;
  conversationId: string | null;
  contact: Pick<ContactDto, 'id' | 'name' | 'email' | 'phone' | 'company'>;
}

export interface TypingEvent {
  conversationId: string;
  typing: boolean;
  /** `id` is given to agents only; visitors see the agent's name, never internal ids. */
  sender: { type: 'contact' | 'agent'; id?: string; name: string | null };
}

export interface ReadEvent {
  conversationId: string;
  seq: number;
  reader: 'contact' | 'agent';
}

// ---------------------------------------------------------------------------------------------
// Agent (console) side
// ---------------------------------------------------------------------------------------------

export const AGENT_CLIENT_EVENTS = {
  send: 'message.send',
  typing: 'typing',
  read: 'message.read',
  setAvailability: 'presence.set',
} as const;

export const AGENT_SERVER_EVENTS = {
  conversationCreated: 'conversation.created',
  conversationUpdated: 'conversation.updated',
  messageCreated: 'message.created',
  typing: 'typing',
  read: 'message.read',
  presence: 'presence.updated',
  contactCaptured: 'contact.captured',
  quoteRequestCreated: 'quote_request.created',
  quoteRequestUpdated: 'quote_request.updated',
} as const;

export interface AgentSendPayload {
  conversationId: string;
  clientMessageId: string;
  body: string;
  private?: boolean;
}
export type AgentSendAck = Ack<{ message: MessageDto }>;

export interface PresenceEvent {
  agentId: string;
  name: string;
  availability: AgentAvailability;
}

export interface ConversationEvent {
  conversation: ConversationDto;
  changes?: Record<string, unknown>;
}
