import type { ConversationStatus } from '@parley/shared/domain';
import type { VisitorConversation, VisitorMessage } from '@parley/shared/contracts';
import type { OutboxEntry } from './outbox';

export interface ConversationState {
  id: string;
  status: ConversationStatus;
  /** Confirmed messages, unique by id, ordered by seq. */
  messages: VisitorMessage[];
  agentLastReadSeq: number;
  contactLastReadSeq: number;
  /**
   * The seq up to which we know we hold everything: from the session, sync answers and live events,
   * but not from our own acks (an agent message with a lower seq may still be on its way).
   */
  syncedSeq: number;
}

export function fromSession(conversation: VisitorConversation): ConversationState {
  return {
    id: conversation.id,
    status: conversation.status,
    messages: mergeMessages([], conversation.messages),
    agentLastReadSeq: conversation.agentLastReadSeq,
    contactLastReadSeq: conversation.contactLastReadSeq,
    syncedSeq: conversation.lastSeq,
  };
}

export function emptyConversation(id: string): ConversationState {
  return { id, status: 'open', messages: [], agentLastReadSeq: 0, contactLastReadSeq: 0, syncedSeq: 0 };
}

/** The conversation the widget shows: the latest open one, else the latest one. */
export function pickCurrent(conversations: VisitorConversation[]): VisitorConversation | null {
  const byActivity = conversations.slice().sort((a, b) => lastActivity(b) - lastActivity(a));
  return byActivity.find((c) => c.status !== 'resolved') || byActivity[0] || null;
}

function lastActivity(conversation: VisitorConversation): number {
  const last = conversation.messages[conversation.messages.length - 1];
  return last ? Date.parse(last.createdAt) || 0 : 0;
}

/**
 * Live events, sync answers and acks overlap freely (the echo of our own message, a sync that
 * repeats what a live event brought). A later copy of the same id replaces the earlier one.
 */
export function mergeMessages(existing: readonly VisitorMessage[], incoming: readonly VisitorMessage[]): VisitorMessage[] {
  if (!incoming.length) return existing as VisitorMessage[];
  const byId = new Map<string, VisitorMessage>();
  const bySeq = new Map<number, string>();
  for (const message of existing.concat(incoming)) {
    const previousAtSeq = bySeq.get(message.seq);
    // Same seq under another id can only be a stale copy; the newest wins.
    if (previousAtSeq !== undefined && previousAtSeq !== message.id) byId.delete(previousAtSeq);
    byId.set(message.id, message);
    bySeq.set(message.seq, message.id);
  }
  return Array.from(byId.values()).sort((a, b) => a.seq - b.seq);
}

/** Adds messages; returns the new state and the messages not seen before (for host events and unread). */
export function addMessages(state: ConversationState, incoming: readonly VisitorMessage[], live: boolean):
  { state: ConversationState; added: VisitorMessage[] } {
  const mine = incoming.filter((m) => m.conversationId === state.id);
  const known = new Set(state.messages.map((m) => m.id));
  const added = mine.filter((m) => !known.has(m.id));
  const seen = live && mine.length ? Math.max(state.syncedSeq, ...mine.map((m) => m.seq)) : state.syncedSeq;
  return { state: { ...state, messages: mergeMessages(state.messages, mine), syncedSeq: seen }, added };
}

export function lastSeq(state: ConversationState | null): number {
  if (!state || !state.messages.length) return 0;
  return state.messages[state.messages.length - 1].seq;
}

export function isFromBusiness(message: VisitorMessage): boolean {
  return message.messageType !== 'incoming';
}

/** Business messages after the visitor's read mark; duplicates cannot inflate it because messages are unique. */
export function countUnread(state: ConversationState | null): number {
  if (!state) return 0;
  let count = 0;
  for (const message of state.messages) if (isFromBusiness(message) && message.seq > state.contactLastReadSeq) count++;
  return count;
}

export type DeliveryStatus = 'sending' | 'sent' | 'read' | 'failed';

export interface TimelineItem {
  key: string;
  own: boolean;
  body: string;
  createdAt: string;
  sender: VisitorMessage['sender'];
  /** Only on the visitor's own messages. */
  status?: DeliveryStatus;
  error?: string;
  clientMessageId?: string;
}

/** Confirmed messages by seq, then the visitor's unacknowledged ones in the order they were written. */
export function buildTimeline(state: ConversationState | null, outbox: readonly OutboxEntry[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  const confirmedClientIds = new Set<string>();
  if (state) {
    for (const m of state.messages) {
      if (m.clientMessageId) confirmedClientIds.add(m.clientMessageId);
      const own = m.messageType === 'incoming';
      items.push({
        key: m.id,
        own,
        body: m.body,
        createdAt: m.createdAt,
        sender: m.sender,
        status: own ? (m.seq <= state.agentLastReadSeq ? 'read' : 'sent') : undefined,
      });
    }
  }
  for (const entry of outbox) {
    if (confirmedClientIds.has(entry.clientMessageId)) continue;
    items.push({
      key: entry.clientMessageId,
      own: true,
      body: entry.body,
      createdAt: entry.createdAt,
      sender: { type: 'contact', name: null, avatarUrl: null },
      status: entry.failed ? 'failed' : 'sending',
      error: entry.failed ? entry.failed.code : undefined,
      clientMessageId: entry.clientMessageId,
    });
  }
  return items;
}

/** "Jane Doe" → "JD", "김민수" → "김". */
export function initials(name: string | null): string {
  const words = (name || '').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const first = Array.from(words[0])[0];
  const last = words.length > 1 ? Array.from(words[words.length - 1])[0] : '';
  return (first + last).toUpperCase();
}
