import type { WidgetSessionResponse } from '@parley/shared/contracts';
import { describe, expect, it } from 'vitest';
import type { FrameToHost } from '../../shared/bridge';
import { FakeSocket, flush, ManualClock, message, session } from '../../testing/fakes';
import { flow, stepMessage } from '../../testing/flows';
import { ChatController } from './chat-controller';
import { newQuoteDraft } from './quote-form';
import { memoryStorage, type KeyValueStore } from './storage';

async function started(options: { storage?: KeyValueStore; session?: WidgetSessionResponse; conversationId?: string; connect?: boolean } = {}) {
  const storage = options.storage || memoryStorage();
  const sockets: FakeSocket[] = [];
  const toHost: FrameToHost[] = [];
  let seq = 10;
  const controller = new ChatController({
    inboxToken: 'inbox-1',
    hostOrigin: 'https://shop.example',
    locale: 'en',
    storage,
    conversationId: options.conversationId,
    clock: new ManualClock(),
    random: () => 1,
    createSession: () => Promise.resolve(options.session || session({ inbox: { ...session().inbox, flow: flow() } })),
    openSocket: () => {
      const socket = new FakeSocket();
      socket.responders['message.send'] = (payload) => ({ ok: true, message: { id: 'sent-' + ++seq, conversationId: payload.conversationId || 'c1', seq, createdAt: new Date().toISOString() } });
      sockets.push(socket);
      return socket;
    },
    toHost: (m) => toHost.push(m),
    isVisible: () => true,
  });
  await controller.start(null);
  const socket = sockets[sockets.length - 1];
  if (options.connect !== false) socket.accept();
  await flush();
  return { controller, socket, storage, toHost };
}

describe('flow clicks', () => {
  it('sends the label with the choice and the visitor’s language, and shows it as the visitor’s bubble', async () => {
    const { controller, socket } = await started();
    controller.choose('start', { id: 'shipping', label: 'Shipping' });
    await flush();

    const [request] = socket.requestsFor('message.send');
    expect(request.payload).toEqual({ clientMessageId: expect.any(String), body: 'Shipping', flow: { stepId: 'start', buttonId: 'shipping' }, locale: 'en' });
    expect(controller.getState().conversation?.messages).toEqual([
      expect.objectContaining({ messageType: 'incoming', body: 'Shipping', content: { flowChoice: { stepId: 'start', buttonId: 'shipping' } } }),
    ]);

    // The bot's next step arrives like any message.
    socket.fire('message.created', stepMessage(12, { stepId: 'shipping', kind: 'free_text', buttons: [] }));
    expect(controller.getState().conversation?.messages.map((m) => m.messageType)).toEqual(['incoming', 'template']);
  });

  it('keeps a click made offline in the outbox, with its choice, and resends it after a reload until acknowledged', async () => {
    const storage = memoryStorage();
    const first = await started({ storage, connect: false });
    first.controller.choose('start', { id: 'quote', label: 'B2B 견적' });
    const [entry] = first.controller.getState().outbox;
    expect(entry).toMatchObject({ body: 'B2B 견적', flow: { stepId: 'start', buttonId: 'quote' }, locale: 'en' });
    expect(JSON.parse(storage.get('parley:inbox-1:outbox') as string)[0].flow).toEqual({ stepId: 'start', buttonId: 'quote' });

    const second = await started({ storage });
    expect(second.socket.requestsFor('message.send').map((r) => r.payload)).toEqual([
      { clientMessageId: entry.clientMessageId, body: 'B2B 견적', flow: { stepId: 'start', buttonId: 'quote' }, locale: 'en' },
    ]);
    expect(second.controller.getState().outbox).toEqual([]);
  });

  it('opens the conversation of a follow-up link, with the panel', async () => {
    const older = { id: 'c-old', status: 'resolved' as const, lastSeq: 1, contactLastReadSeq: 0, agentLastReadSeq: 0, messages: [message({ seq: 1, conversationId: 'c-old', createdAt: '2025-01-01T00:00:00.000Z' })] };
    const latest = { id: 'c1', status: 'open' as const, lastSeq: 1, contactLastReadSeq: 0, agentLastReadSeq: 0, messages: [message({ seq: 1 })] };
    const { controller, toHost } = await started({ conversationId: 'c-old', session: session({ conversations: [latest, older] }) });
    expect(controller.getState().conversation?.id).toBe('c-old');
    expect(controller.getState().open).toBe(true);
    expect(toHost).toContainEqual({ parley: 1, type: 'resize', mode: 'panel' });

    const plain = await started({ session: session({ conversations: [latest, older] }) });
    expect(plain.controller.getState()).toMatchObject({ open: false, conversation: { id: 'c1' } });
  });
});

describe('quote form', () => {
  const filled = () => ({ ...newQuoteDraft({ name: 'Sarah Lim', email: 'sarah@brightnest.example.com', phone: null }, 'en'), items: [{ product: 'Ceramic mugs', quantity: '400', price: '3.5', currency: 'USD' }] });

  it('submits quote.submit with a client request id kept until acknowledged, then shows the request', async () => {
    const { controller, socket } = await started();
    const answers: (() => unknown)[] = [
      () => Promise.reject(new Error('operation has timed out')),
      () => ({ ok: true, quoteRequest: { id: 'q1', displayId: 12, status: 'new', conversationId: 'c1' } }),
    ];
    socket.responders['quote.submit'] = () => (answers.shift() as () => unknown)();

    expect(await controller.submitQuote({ ...filled(), email: '' }, 'step-1')).toEqual({ field: 'contact' });
    expect(socket.requestsFor('quote.submit')).toEqual([]);

    expect(await controller.submitQuote(filled(), 'step-1')).toBeNull();
    expect(controller.getState().quote).toEqual({ status: 'error', key: 'step-1', result: null, error: null });
    expect(await controller.submitQuote(filled(), 'step-1')).toBeNull();
    expect(controller.getState().quote).toEqual({ status: 'done', key: 'step-1', result: { id: 'q1', displayId: 12, status: 'new', conversationId: 'c1' }, error: null });

    const [first, second] = socket.requestsFor('quote.submit').map((r) => r.payload);
    expect(second.clientRequestId).toBe(first.clientRequestId);
    expect(second).toMatchObject({ items: [{ name: 'Ceramic mugs', quantity: 400, targetUnitPrice: 3.5, currency: 'USD' }], contact: { name: 'Sarah Lim', email: 'sarah@brightnest.example.com' } });

    socket.responders['quote.submit'] = () => ({ ok: true, quoteRequest: { id: 'q2', displayId: 13, status: 'new', conversationId: 'c1' } });
    await controller.submitQuote(filled(), 'step-2');
    expect(socket.requestsFor('quote.submit')[2].payload.clientRequestId).not.toBe(first.clientRequestId);
  });

  it('shows a refusal by the server as such', async () => {
    const { controller, socket } = await started();
    socket.responders['quote.submit'] = () => ({ ok: false, error: { code: 'validation_failed', message: 'items[0].quantity' } });
    await controller.submitQuote(filled(), 'step-1');
    expect(controller.getState().quote).toMatchObject({ status: 'error', error: 'validation_failed' });
  });
});
