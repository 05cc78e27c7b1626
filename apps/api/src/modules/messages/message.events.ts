import type { ConversationDto, MessageDto } from '@parley/shared/contracts';

/** In-process domain events, emitted after the transaction commits. Realtime gateways and the AI pipeline listen. */
export const MESSAGE_CREATED = 'message.created';
export const CONVERSATION_CREATED = 'conversation.created';
export const CONVERSATION_UPDATED = 'conversation.updated';

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
