/** Vocabulary shared by every app. Values are the wire and database values. */
export const AGENT_ROLES = ['admin', 'agent'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const AGENT_AVAILABILITIES = ['online', 'busy', 'offline'] as const;
export type AgentAvailability = (typeof AGENT_AVAILABILITIES)[number];

export const INBOX_CHANNELS = ['web_widget', 'email', 'api'] as const;
export type InboxChannel = (typeof INBOX_CHANNELS)[number];

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const CONVERSATION_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type ConversationPriority = (typeof CONVERSATION_PRIORITIES)[number];

export const MESSAGE_TYPES = ['incoming', 'outgoing', 'activity', 'template'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const SENDER_TYPES = ['contact', 'agent', 'bot', 'system'] as const;
export type SenderType = (typeof SENDER_TYPES)[number];

export const DEFAULT_CATEGORIES = ['order', 'shipping', 'b2b_quote', 'payment', 'return_refund', 'general'] as const;
export type DefaultCategory = (typeof DEFAULT_CATEGORIES)[number];
