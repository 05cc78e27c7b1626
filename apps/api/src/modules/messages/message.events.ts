import type { ConversationDto, MessageDto } from '@parley/shared/contracts';

/** In-process domain events, emitted after the transaction commits. Realtime gateways and the AI pipeline listen. */
export const MESSAGE_CREATED = 'message.created';
export const CONVERSATION_CREATED = 'conversation.created';
export const CONVERSATION_UPDATED = 'conversation.updated';
/** A visitor left contact details (payload: ContactCapturedEvent from contracts). */
export const CONTACT_CAPTURED = 'contact.captured';

export interface MessageCreatedEvent {
  message: MessageDto;
  inboxId: string;
  /** The visitor's identity in the inbox: whose widget room gets the message. */
  contactInboxId: string;
}

export interface ConversationChangedEvent {
  conversation: ConversationDto;
  changes?: Record<string, unknown>;
}
