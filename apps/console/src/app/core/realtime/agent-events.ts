import type {
  Ack,
  AgentSendAck,
  AgentSendPayload,
  ContactCapturedEvent,
  ConversationEvent,
  DraftEvent,
  DraftStreamingEvent,
  MessageDto,
  PresenceEvent,
  QuoteRequestEvent,
  ReadEvent,
  ReadPayload,
  TriageEvent,
  TypingEvent,
  TypingPayload,
} from '@parley/shared/contracts';
import type { AgentAvailability } from '@parley/shared/domain';

/**
 * What the API sends on `/agents` (contracts' AGENT_SERVER_EVENTS and AI_SERVER_EVENTS), by
 * event name. Agents receive the events of the inboxes they belong to; admins of every inbox.
 */
export interface AgentServerEvents {
  'conversation.created': ConversationEvent;
  'conversation.updated': ConversationEvent;
  /** The message itself (private notes and activity included). */
  'message.created': MessageDto;
  typing: TypingEvent;
  'message.read': ReadEvent;
  'presence.updated': PresenceEvent;
  'triage.completed': TriageEvent;
  'triage.failed': TriageEvent;
  'reply_draft.created': DraftEvent;
  'reply_draft.updated': DraftEvent;
  /** Sent "volatile" (may be dropped): the draft's text so far while a remote model streams it. */
  'reply_draft.streaming': DraftStreamingEvent;
  /** A quote request arrived (widget flow, web form, agent or an AI proposal) or changed (status, edits, assignment, offer). */
  'quote_request.created': QuoteRequestEvent;
  'quote_request.updated': QuoteRequestEvent;
  /** A visitor left contact details (the one-line capture in the widget). */
  'contact.captured': ContactCapturedEvent;
}

export type AgentServerEvent = keyof AgentServerEvents;

/** What the console may emit (contracts' AGENT_CLIENT_EVENTS), with the acknowledgement each one gets. */
export interface AgentClientEvents {
  'message.send': { payload: AgentSendPayload; ack: AgentSendAck };
  typing: { payload: TypingPayload; ack: Ack<object> };
  'message.read': { payload: ReadPayload; ack: Ack<{ seq: number | null }> };
  'presence.set': { payload: { availability: AgentAvailability }; ack: Ack<{ availability: AgentAvailability }> };
}

export type AgentClientEvent = keyof AgentClientEvents;
