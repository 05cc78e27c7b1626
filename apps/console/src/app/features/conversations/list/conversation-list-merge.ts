import type { ConversationDto, MessageDto, ReadEvent, ReplyDraftDto } from '@parley/shared/contracts';
import { ConversationFilters, matchesFilters } from './conversation-filters';

/** The loaded part of the list: newest activity first, and the cursor of the next page (null = all loaded). */
export interface ListState {
  items: readonly ConversationDto[];
  nextCursor: string | null;
}

export interface MergeContext {
  filters: ConversationFilters;
  meId: string | null;
  /** The conversation open beside the list: it stays in the list even when it stops matching, so it does not vanish under the agent. */
  openId: string | null;
}

export interface MergeResult {
  state: ListState;
  /** A conversation the event is about that is not loaded but may belong in the list: fetch it, then `upsertConversation`. */
  fetch: string | null;
}

const PREVIEW_LENGTH = 200;

/** The API's order: last activity, newest first, then id (descending), so live inserts agree with later pages. */
export function compareConversations(a: ConversationDto, b: ConversationDto): number {
  const byActivity = Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt);
  if (byActivity !== 0) return byActivity;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Puts a conversation's new state in the list: replaced in place, inserted, or removed when it no
 * longer matches the filters; then re-sorted. A conversation older than the last loaded row is not
 * inserted while more pages remain: the next page will bring it, and inserting it would show it twice.
 */
export function upsertConversation(state: ListState, conversation: ConversationDto, ctx: MergeContext): ListState {
  const index = state.items.findIndex((c) => c.id === conversation.id);
  const belongs = matchesFilters(conversation, ctx.filters, ctx.meId) || (index >= 0 && conversation.id === ctx.openId);
  if (!belongs) {
    return index >= 0 ? { ...state, items: state.items.filter((c) => c.id !== conversation.id) } : state;
  }
  if (index < 0) {
    const last = state.items[state.items.length - 1];
    if (state.nextCursor !== null && last && compareConversations(conversation, last) > 0) return state;
    return { ...state, items: [...state.items, conversation].sort(compareConversations) };
  }
  const items = [...state.items];
  items[index] = conversation;
  return { ...state, items: items.sort(compareConversations) };
}

/**
 * A new message moves its conversation to the top and updates what the row shows, as the API does
 * when it stores the message: preview, unread count, reopening on a contact's message, first response.
 */
export function applyMessage(state: ListState, message: MessageDto, ctx: MergeContext): MergeResult {
  const current = state.items.find((c) => c.id === message.conversationId);
  // Any message moves a conversation to the top of the list, so one we do not hold may now belong there.
  if (!current) return { state, fetch: message.conversationId };
  const visible = !message.private && (message.messageType === 'incoming' || message.messageType === 'outgoing');
  const fromContact = visible && message.messageType === 'incoming';
  const toContact = visible && message.messageType === 'outgoing';
  const next: ConversationDto = {
    ...current,
    lastActivityAt: Date.parse(message.createdAt) > Date.parse(current.lastActivityAt) ? message.createdAt : current.lastActivityAt,
    lastMessagePreview: visible ? message.body.slice(0, PREVIEW_LENGTH) : current.lastMessagePreview,
    agentUnreadCount: fromContact ? current.agentUnreadCount + 1 : toContact ? 0 : current.agentUnreadCount,
    contactUnreadCount: toContact ? current.contactUnreadCount + 1 : fromContact ? 0 : current.contactUnreadCount,
    status: fromContact ? 'open' : current.status,
    firstRespondedAt: toContact ? (current.firstRespondedAt ?? message.createdAt) : current.firstRespondedAt,
  };
  return { state: upsertConversation(state, next, ctx), fetch: null };
}

/** A draft waiting for approval marks its conversation; once approved, rejected or superseded the mark goes. */
export function applyDraft(state: ListState, draft: ReplyDraftDto, ctx: MergeContext): MergeResult {
  const waiting = draft.status === 'proposed';
  const current = state.items.find((c) => c.id === draft.conversationId);
  if (!current) return { state, fetch: waiting && ctx.filters.draftWaiting ? draft.conversationId : null };
  if (current.draftWaiting === waiting) return { state, fetch: null };
  return { state: upsertConversation(state, { ...current, draftWaiting: waiting }, ctx), fetch: null };
}

/** An agent read the conversation (here or in another tab): its unread marker goes. */
export function applyRead(state: ListState, event: ReadEvent): ListState {
  if (event.reader !== 'agent') return state;
  const index = state.items.findIndex((c) => c.id === event.conversationId);
  if (index < 0 || state.items[index].agentUnreadCount === 0) return state;
  const items = [...state.items];
  items[index] = { ...items[index], agentUnreadCount: 0 };
  return { ...state, items };
}

/** Appends the next page, skipping rows already shown (a live update may have brought one in). */
export function appendPage(state: ListState, items: readonly ConversationDto[], nextCursor: string | null): ListState {
  const seen = new Set(state.items.map((c) => c.id));
  return { items: [...state.items, ...items.filter((c) => !seen.has(c.id))], nextCursor };
}
