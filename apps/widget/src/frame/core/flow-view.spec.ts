import { describe, expect, it } from 'vitest';
import { message } from '../../testing/fakes';
import { flow, stepMessage } from '../../testing/flows';
import { emptyConversation, type ConversationState } from './conversation-store';
import { flowView } from './flow-view';
import { Outbox } from './outbox';
import { memoryStorage } from './storage';

const conversation = (...messages: ConversationState['messages']): ConversationState => ({ ...emptyConversation('c1'), messages });
const menu = { stepId: 'returns', kind: 'menu' as const, buttons: [{ id: 'damaged', label: 'Damaged' }] };

describe('flowView', () => {
  it('shows the start step before the first message, in the visitor’s language (the other where blank)', () => {
    const view = flowView(flow(), null, [], 'en');
    expect(view).toEqual({
      greeting: 'How can we help?',
      choices: { stepId: 'start', label: 'How can we help?', buttons: [{ id: 'shipping', label: 'Shipping' }, { id: 'quote', label: 'B2B 견적' }] },
      kind: 'menu',
      key: 'start',
    });
    expect(flowView(null, null, [], 'en')).toEqual({ greeting: null, choices: null, kind: null, key: null });
  });

  it('hides the buttons as soon as the visitor clicked or wrote something', () => {
    const outbox = new Outbox(memoryStorage(), 'k');
    outbox.add('Shipping', null, 0, { flow: { stepId: 'start', buttonId: 'shipping' }, locale: 'en' });
    expect(flowView(flow(), null, outbox.list(), 'en').choices).toBeNull();
    expect(flowView(flow(), null, outbox.list(), 'en').greeting).toBe('How can we help?');
  });

  it('shows the buttons of the latest bot step only while it is the latest message', () => {
    const step = stepMessage(2, menu, 'What went wrong?');
    expect(flowView(flow(), conversation(message({ seq: 1, messageType: 'incoming' }), step), [], 'en')).toMatchObject({
      choices: { stepId: 'returns', label: 'What went wrong?', buttons: [{ id: 'damaged', label: 'Damaged' }] },
      kind: 'menu',
      key: step.id,
    });
    const answered = flowView(flow(), conversation(step, message({ seq: 3, messageType: 'incoming', body: 'it is broken' })), [], 'en');
    expect(answered.choices).toBeNull();
    // The step the visitor is at is still the menu (for forms and prompts).
    expect(answered.kind).toBe('menu');
  });

  it('names the kind of the latest step, so forms and prompts follow it', () => {
    const quote = stepMessage(2, { stepId: 'quote', kind: 'quote_form', buttons: [] });
    expect(flowView(flow(), conversation(quote), [], 'ko')).toMatchObject({ choices: null, kind: 'quote_form', key: quote.id });
  });

  it('offers the start step again after the conversation was resolved', () => {
    const resolved = { ...conversation(message({ seq: 1 })), status: 'resolved' as const };
    expect(flowView(flow(), resolved, [], 'ko').choices?.stepId).toBe('start');
  });
});
