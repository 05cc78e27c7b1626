import { describe, expect, it } from 'vitest';
import { message } from '../../testing/fakes';
import {
  addMessages,
  buildTimeline,
  countUnread,
  emptyConversation,
  initials,
  mergeMessages,
  pickCurrent,
  type ConversationState,
} from './conversation-store';
import type { OutboxEntry } from './outbox';

describe('mergeMessages', () => {
  it('orders by seq whatever order the messages arrive in', () => {
    const merged = mergeMessages([message({ seq: 5 })], [message({ seq: 2 }), message({ seq: 9 }), message({ seq: 3 })]);
    expect(merged.map((m) => m.seq)).toEqual([2, 3, 5, 9]);
  });

  it('keeps one copy per id, the latest one', () => {
    const merged = mergeMessages([message({ seq: 1, body: 'old' })], [message({ seq: 1, body: 'new' }), message({ seq: 1, body: 'new' })]);
    expect(merged).toHaveLength(1);
    expect(merged[0].body).toBe('new');
  });

  it('keeps one message per seq', () => {
    const merged = mergeMessages([message({ seq: 4, id: 'stale' })], [message({ seq: 4, id: 'fresh' })]);
    expect(merged.map((m) => m.id)).toEqual(['fresh']);
  });
});

describe('addMessages', () => {
  const base: ConversationState = { ...emptyConversation('c1'), messages: [message({ seq: 1 })], syncedSeq: 1 };

  it('reports only messages not seen before and ignores other conversations', () => {
    const { state, added } = addMessages(base, [message({ seq: 1 }), message({ seq: 2 }), message({ seq: 3, conversationId: 'c2' })], true);
    expect(added.map((m) => m.seq)).toEqual([2]);
    expect(state.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('advances the synced seq on live messages only, not on our own acks', () => {
    expect(addMessages(base, [message({ seq: 7 })], true).state.syncedSeq).toBe(7);
    expect(addMessages(base, [message({ seq: 7, messageType: 'incoming' })], false).state.syncedSeq).toBe(1);
  });
});

describe('countUnread', () => {
  it('counts business messages after the read mark, not the visitor’s own, not duplicates', () => {
    let state: ConversationState = { ...emptyConversation('c1'), contactLastReadSeq: 2 };
    state = addMessages(state, [message({ seq: 1 }), message({ seq: 2 })], true).state;
    expect(countUnread(state)).toBe(0);

    state = addMessages(state, [message({ seq: 3 }), message({ seq: 4, messageType: 'incoming' }), message({ seq: 5, messageType: 'template' })], true).state;
    state = addMessages(state, [message({ seq: 3 })], true).state;
    expect(countUnread(state)).toBe(2);

    expect(countUnread({ ...state, contactLastReadSeq: 5 })).toBe(0);
    expect(countUnread(null)).toBe(0);
  });
});

describe('buildTimeline', () => {
  const entry = (id: string, failed = false): OutboxEntry => ({
    clientMessageId: id,
    body: 'pending ' + id,
    conversationId: 'c1',
    createdAt: '2026-01-01T10:00:00.000Z',
    attempts: 0,
    nextAttemptAt: 0,
    failed: failed ? { code: 'message_too_long', message: 'too long' } : null,
  });

  it('shows sending, sent, read and failed for the visitor’s own messages', () => {
    const state: ConversationState = {
      ...emptyConversation('c1'),
      agentLastReadSeq: 2,
      messages: [
        message({ seq: 1, messageType: 'incoming', clientMessageId: 'a' }),
        message({ seq: 2, messageType: 'outgoing' }),
        message({ seq: 3, messageType: 'incoming', clientMessageId: 'b' }),
      ],
    };
    const timeline = buildTimeline(state, [entry('b'), entry('c'), entry('d', true)]);
    expect(timeline.map((i) => [i.body, i.own, i.status])).toEqual([
      ['message 1', true, 'read'],
      ['message 2', false, undefined],
      ['message 3', true, 'sent'],
      ['pending c', true, 'sending'],
      ['pending d', true, 'failed'],
    ]);
  });
});

describe('pickCurrent', () => {
  it('prefers the latest conversation that is not resolved', () => {
    const conv = (id: string, status: 'open' | 'resolved', seq: number) => ({
      id,
      status,
      lastSeq: seq,
      contactLastReadSeq: 0,
      agentLastReadSeq: 0,
      messages: [message({ seq, conversationId: id })],
    });
    expect(pickCurrent([conv('old', 'open', 1), conv('newer', 'resolved', 9)])?.id).toBe('old');
    expect(pickCurrent([conv('a', 'resolved', 1), conv('b', 'resolved', 9)])?.id).toBe('b');
    expect(pickCurrent([])).toBeNull();
  });
});

describe('initials', () => {
  it('uses first and last word, or the first Hangul syllable', () => {
    expect(initials('Jane Doe')).toBe('JD');
    expect(initials('jane')).toBe('J');
    expect(initials('김민수')).toBe('김');
    expect(initials(null)).toBe('?');
  });
});
