import { aConversation, aDraft, aMessage } from '../../../../testing/conversations';
import { DEFAULT_FILTERS } from './conversation-filters';
import { ListState, MergeContext, appendPage, applyDraft, applyMessage, applyRead, upsertConversation } from './conversation-list-merge';

const ctx: MergeContext = { filters: DEFAULT_FILTERS, meId: 'me', openId: null };
const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`;
const ids = (state: ListState) => state.items.map((c) => c.displayId);

describe('merging live events into the conversation list', () => {
  const older = aConversation({ displayId: 1, lastActivityAt: at(1) });
  const newer = aConversation({ displayId: 2, lastActivityAt: at(2) });
  const list: ListState = { items: [newer, older], nextCursor: null };

  it('inserts a new conversation that matches the filters at its place by last activity', () => {
    const fresh = aConversation({ displayId: 3, lastActivityAt: at(3) });
    const middle = aConversation({ displayId: 4, lastActivityAt: at(1), id: 'ffffffff-0000-4000-8000-000000000000' });

    expect(ids(upsertConversation(list, fresh, ctx))).toEqual([3, 2, 1]);
    // Same activity time: the higher id first, as the API orders.
    expect(ids(upsertConversation(list, middle, ctx))).toEqual([2, 4, 1]);
  });

  it('leaves out a new conversation that does not match the filters', () => {
    const resolved = aConversation({ status: 'resolved', lastActivityAt: at(5) });
    const otherInbox = aConversation({ inboxId: 'inbox-2', lastActivityAt: at(5) });

    expect(upsertConversation(list, resolved, ctx)).toBe(list);
    expect(upsertConversation(list, otherInbox, { ...ctx, filters: { ...DEFAULT_FILTERS, inboxId: 'inbox-1' } })).toBe(list);
  });

  it('does not insert a conversation older than the loaded rows while more pages remain (it would show twice)', () => {
    const paged: ListState = { items: [newer], nextCursor: 'next' };
    const old = aConversation({ lastActivityAt: at(0) });

    expect(upsertConversation(paged, old, ctx)).toBe(paged);
    expect(ids(upsertConversation({ ...paged, nextCursor: null }, old, ctx))).toEqual([2, old.displayId]);
  });

  it('removes a conversation that stops matching, except the one open beside the list', () => {
    const resolved = { ...older, status: 'resolved' as const };

    expect(ids(upsertConversation(list, resolved, ctx))).toEqual([2]);
    expect(ids(upsertConversation(list, resolved, { ...ctx, openId: older.id }))).toEqual([2, 1]);
  });

  it('moves a conversation to the top on a new contact message, with preview and an unread mark', () => {
    const message = aMessage({ conversationId: older.id, body: '배송 언제 와요?', createdAt: at(9) });
    const { state, fetch } = applyMessage(list, message, ctx);

    expect(fetch).toBeNull();
    expect(ids(state)).toEqual([1, 2]);
    expect(state.items[0]).toMatchObject({ lastMessagePreview: '배송 언제 와요?', agentUnreadCount: 1, lastActivityAt: at(9) });
  });

  it('clears the unread mark and records the first response on an agent reply; a private note changes no preview', () => {
    const unread = { ...older, agentUnreadCount: 2 };
    const start: ListState = { items: [newer, unread], nextCursor: null };
    const reply = applyMessage(
      start,
      aMessage({ conversationId: older.id, messageType: 'outgoing', senderType: 'agent', body: 'Tomorrow', createdAt: at(7) }),
      ctx,
    );

    expect(reply.state.items[0]).toMatchObject({
      agentUnreadCount: 0,
      lastMessagePreview: 'Tomorrow',
      firstRespondedAt: at(7),
      contactUnreadCount: 1,
    });

    const note = applyMessage(
      reply.state,
      aMessage({ conversationId: older.id, messageType: 'outgoing', private: true, body: 'internal', createdAt: at(8) }),
      ctx,
    );
    expect(note.state.items[0].lastMessagePreview).toBe('Tomorrow');
  });

  it('reopens a pending conversation on a contact message, which moves it out of a "pending" list', () => {
    const pending = aConversation({ status: 'pending', lastActivityAt: at(1) });
    const filters = { ...DEFAULT_FILTERS, status: 'pending' as const };
    const { state } = applyMessage({ items: [pending], nextCursor: null }, aMessage({ conversationId: pending.id, createdAt: at(3) }), {
      ...ctx,
      filters,
    });

    expect(state.items).toEqual([]);
  });

  it('asks to fetch a conversation it does not hold when a message arrives for it', () => {
    const { state, fetch } = applyMessage(list, aMessage({ conversationId: 'elsewhere' }), ctx);

    expect(state).toBe(list);
    expect(fetch).toBe('elsewhere');
  });

  it('marks a waiting draft and drops the mark once the draft is handled, leaving a "draft waiting" list', () => {
    const marked = applyDraft(list, aDraft({ conversationId: older.id, status: 'proposed' }), ctx).state;
    expect(marked.items.find((c) => c.id === older.id)?.draftWaiting).toBe(true);

    const waitingOnly = { ...ctx, filters: { ...DEFAULT_FILTERS, draftWaiting: true } };
    const approved = applyDraft(
      { items: [marked.items[1]], nextCursor: null },
      aDraft({ conversationId: older.id, status: 'approved' }),
      waitingOnly,
    );
    expect(approved.state.items).toEqual([]);

    // A draft for a conversation not loaded: fetched only when the list shows waiting drafts.
    expect(applyDraft(list, aDraft({ conversationId: 'x' }), ctx).fetch).toBeNull();
    expect(applyDraft(list, aDraft({ conversationId: 'x' }), waitingOnly).fetch).toBe('x');
  });

  it("clears the unread mark when an agent reads the conversation, not when the contact reads the agent's reply", () => {
    const unread: ListState = { items: [{ ...older, agentUnreadCount: 3 }], nextCursor: null };

    expect(applyRead(unread, { conversationId: older.id, seq: 4, reader: 'contact' })).toBe(unread);
    expect(applyRead(unread, { conversationId: older.id, seq: 4, reader: 'agent' }).items[0].agentUnreadCount).toBe(0);
  });

  it('appends a page without repeating rows a live update already brought in', () => {
    const next = appendPage({ items: [newer], nextCursor: 'c1' }, [newer, older], null);

    expect(ids(next)).toEqual([2, 1]);
    expect(next.nextCursor).toBeNull();
  });
});
