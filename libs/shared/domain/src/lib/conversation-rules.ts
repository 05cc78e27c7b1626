import type { ConversationStatus, MessageType } from './enums';

/**
 * Allowed status moves. Everything may be resolved or reopened; snoozing a resolved conversation
 * makes no sense (reopen it first), and a pending conversation is one waiting on the contact.
 */
const TRANSITIONS: Record<ConversationStatus, readonly ConversationStatus[]> = {
  open: ['pending', 'snoozed', 'resolved'],
  pending: ['open', 'snoozed', 'resolved'],
  snoozed: ['open', 'pending', 'resolved'],
  resolved: ['open'],
};

export function canTransition(from: ConversationStatus, to: ConversationStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** Whether a message may be shown to the visitor (private notes and activity stay internal). */
export function isVisibleToContact(message: { private: boolean; messageType: MessageType }): boolean {
  return !message.private && message.messageType !== 'activity';
}

/** Minutes allowed for the first response, by priority. */
export const FIRST_RESPONSE_MINUTES: Record<'low' | 'medium' | 'high' | 'urgent', number> = {
  low: 24 * 60,
  medium: 4 * 60,
  high: 60,
  urgent: 15,
};

export function firstResponseDueAt(openedAt: Date, priority: keyof typeof FIRST_RESPONSE_MINUTES): Date {
  return new Date(openedAt.getTime() + FIRST_RESPONSE_MINUTES[priority] * 60_000);
}
