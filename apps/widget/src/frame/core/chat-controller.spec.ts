import type { WidgetSessionResponse } from '@parley/shared/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameToHost } from '../../shared/bridge';
import { FakeSocket, flush, ManualClock, message, session } from '../../testing/fakes';
import { ChatController, contactPromptVisible } from './chat-controller';
import { memoryStorage, type KeyValueStore } from './storage';
import { SessionError, type SessionRequest } from './transport';

const conversation = (overrides: Partial<WidgetSessionResponse['conversations'][number]> = {}) => ({
  id: 'c1',
  status: 'open' as const,
  lastSeq: 2,
  contactLastReadSeq: 2,
  agentLastReadSeq: 0,
  messages: [message({ seq: 1, messageType: 'incoming', clientMessageId: 'earlier' }), message({ seq: 2 })],
  ...overrides,
});

function setup(options: { storage?: KeyValueStore; sessions?: (request: SessionRequest) => Promise<WidgetSessionResponse> } = {}) {
  const storage = options.storage || memoryStorage();
  const clock = new ManualClock();
  const sockets: FakeSocket[] = [];
  const toHost: FrameToHost[] = [];
  const sessionRequests: SessionRequest[] = [];
  let seq = 10;
  const controller = new ChatController({
    inboxToken: 'inbox-1',
    hostOrigin: 'https://shop.example',
    locale: 'en',
    storage,
    clock,
    random: () => 1,
    createSession: (request) => {
      sessionRequests.push(request);
      return options.sessions ? options.sessions(request) : Promise.resolve(session({ conversations: [conversation()] }));
    },
    openSocket: () => {
      const socket = new FakeSocket();
      socket.responders['message.send'] = (payload) => ({
        ok: true,
        message: { id: 'sent-' + ++seq, conversationId: payload.conversationId || 'c1', seq, createdAt: new Date().toISOString() },
      });
      sockets.push(socket);
      return socket;
    },
    toHost: (m) => toHost.push(m),
    isVisible: () => true,
  });
  const socket = () => sockets[sockets.length - 1];
  const hostEvents = (name: string) => toHost.filter((m) => m.type === 'event' && m.name === name).map((m) => (m as { data: unknown }).data);
  return { controller, storage, clock, sockets, socket, toHost, hostEvents, sessionRequests };
}

async function started(options?: Parameters<typeof setup>[0]) {
  const env = setup(options);
  await env.controller.start(null);
  env.socket().accept();
  await flush();
  return env;
}

describe('ChatController', () => {
  beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => undefined));

  describe('session', () => {
    it('sends the stored visitor token and host origin, and keeps the new token', async () => {
      const storage = memoryStorage();
      storage.set('parley:inbox-1:visitor', 'vt-old');
      const { sessionRequests } = await started({ storage, sessions: () => Promise.resolve(session({ visitorToken: 'vt-new' })) });

      expect(sessionRequests[0]).toEqual({ inboxToken: 'inbox-1', visitorToken: 'vt-old', hostOrigin: 'https://shop.example', locale: 'en' });
      expect(storage.get('parley:inbox-1:visitor')).toBe('vt-new');
    });

    it('starts over without the token when the server no longer knows it', async () => {
      const storage = memoryStorage();
      storage.set('parley:inbox-1:visitor', 'vt-revoked');
      const { sessionRequests } = await started({
        storage,
        sessions: (request) =>
          request.visitorToken ? Promise.reject(new SessionError(401, 'unauthorized', 'unknown visitor')) : Promise.resolve(session()),
      });
      expect(sessionRequests.map((r) => r.visitorToken)).toEqual(['vt-revoked', undefined]);
      expect(storage.get('parley:inbox-1:visitor')).toBe('vt-1');
    });

    it('on connect_error "unauthorized" drops the token and creates a new session', async () => {
      const { socket, storage, sessionRequests, clock } = await started();
      storage.set('parley:inbox-1:visitor', 'vt-expired');
      socket().refuse('unauthorized');
      expect(storage.get('parley:inbox-1:visitor')).toBeNull();
      clock.advance(0);
      await flush();

      expect(sessionRequests).toHaveLength(2);
      expect(sessionRequests[1].visitorToken).toBeUndefined();
      expect(socket().connectCalls).toBe(1);
    });

    it('reconnects after the server closes the connection (deploys)', async () => {
      const { socket, clock } = await started();
      socket().kick();
      expect(socket().connectCalls).toBe(0);
      clock.advance(1_000);
      expect(socket().connectCalls).toBe(1);
    });

    it('moves unsent messages to the new contact after the token was replaced', async () => {
      let contactId = 'contact-1';
      const { controller, socket, clock } = await started({
        sessions: () => Promise.resolve(session({ contact: { id: contactId, name: null, email: null, phone: null }, conversations: contactId === 'contact-1' ? [conversation()] : [] })),
      });
      socket().drop();
      controller.send('written before the token was revoked');
      contactId = 'contact-2';
      socket().refuse('unauthorized');
      clock.advance(0);
      await flush();
      socket().accept();
      await flush();

      expect(socket().requestsFor('message.send').map((r) => r.payload.conversationId)).toEqual([undefined]);
    });

    it('hides the widget for an inbox that does not exist', async () => {
      const { controller, toHost } = setup({ sessions: () => Promise.reject(new SessionError(404, 'not_found', 'no such inbox')) });
      await controller.start(null);
      expect(controller.getState().phase).toBe('unavailable');
      expect(toHost).toContainEqual({ parley: 1, type: 'resize', mode: 'hidden' });
    });
  });

  describe('unread', () => {
    it('counts business messages arriving while the panel is closed and tells the host', async () => {
      const { controller, socket, hostEvents } = await started();
      socket().fire('message.created', message({ seq: 3 }));
      socket().fire('message.created', message({ seq: 3 }));
      socket().fire('message.created', message({ seq: 4, messageType: 'incoming', sender: { type: 'contact', name: null, avatarUrl: null } }));
      socket().fire('message.created', message({ seq: 5 }));

      expect(controller.getState().unread).toBe(2);
      expect(hostEvents('unread')).toEqual([{ count: 1 }, { count: 2 }]);
      expect(hostEvents('message')).toHaveLength(3);
    });

    it('opening the panel sends message.read for the last seq and clears the badge', async () => {
      const { controller, socket, hostEvents } = await started();
      socket().fire('message.created', message({ seq: 3 }));
      controller.setOpen(true);

      expect(socket().emitted).toContainEqual({ event: 'message.read', payload: { conversationId: 'c1', seq: 3 } });
      expect(controller.getState().unread).toBe(0);
      expect(hostEvents('unread')).toEqual([{ count: 1 }, { count: 0 }]);
    });

    it('does not count messages that arrive while the panel is open', async () => {
      const { controller, socket } = await started();
      controller.setOpen(true);
      socket().fire('message.created', message({ seq: 3 }));
      expect(controller.getState().unread).toBe(0);
      expect(socket().emitted).toContainEqual({ event: 'message.read', payload: { conversationId: 'c1', seq: 3 } });
    });
  });

  describe('sending', () => {
    it('ignores empty and whitespace-only messages and trims the rest', async () => {
      const { controller, socket } = await started();
      expect(controller.send('   \n ')).toBe(false);
      expect(controller.send(' hi there \n')).toBe(true);
      expect(socket().requestsFor('message.send').map((r) => r.payload.body)).toEqual(['hi there']);
    });

    it('shows the sent message once the ack arrives and read once the agent reads it', async () => {
      const { controller, socket } = await started();
      controller.send('hello');
      await flush();
      const own = () => controller.getState().conversation?.messages.find((m) => m.body === 'hello');
      expect(own()).toMatchObject({ id: 'sent-11', seq: 11, messageType: 'incoming' });
      expect(controller.getState().outbox).toEqual([]);

      socket().fire('message.read', { conversationId: 'c1', seq: 11, reader: 'agent' });
      expect(controller.getState().conversation?.agentLastReadSeq).toBe(11);
    });

    it('settles an outbox entry from the echo when the ack never comes', async () => {
      const { controller, socket } = await started();
      delete socket().responders['message.send'];
      controller.send('hello');
      const [entry] = controller.getState().outbox;

      socket().fire('message.created', message({ seq: 3, messageType: 'incoming', body: 'hello', clientMessageId: entry.clientMessageId }));
      expect(controller.getState().outbox).toEqual([]);
      expect(controller.getState().conversation?.messages.filter((m) => m.body === 'hello')).toHaveLength(1);
    });

    it('after a reconnect, syncs from the last seq it knows before resending the outbox', async () => {
      const { controller, socket } = await started();
      socket().fire('message.created', message({ seq: 3 }));
      socket().drop();
      controller.send('written offline');
      expect(socket().requestsFor('message.send')).toHaveLength(0);

      socket().responders['conversation.sync'] = () => ({ ok: true, messages: [message({ seq: 4 }), message({ seq: 3 })], agentLastReadSeq: 1 });
      socket().accept();
      await flush();

      const requests = socket().requests.map((r) => r.event);
      expect(requests.slice(-2)).toEqual(['conversation.sync', 'message.send']);
      expect(socket().requestsFor('conversation.sync').pop()?.payload).toEqual({ conversationId: 'c1', afterSeq: 3 });
      expect(controller.getState().conversation?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 11]);
    });

    it('sends what a previous page load could not, with the same clientMessageId', async () => {
      const storage = memoryStorage();
      const first = await started({ storage });
      first.socket().drop();
      first.controller.send('before reload');
      const [entry] = first.controller.getState().outbox;

      const second = await started({ storage });
      expect(second.socket().requestsFor('message.send').map((r) => r.payload)).toEqual([
        { clientMessageId: entry.clientMessageId, body: 'before reload', conversationId: 'c1' },
      ]);
    });

    it('settles outbox entries the new session shows were stored before the reload', async () => {
      const storage = memoryStorage();
      const first = await started({ storage });
      first.socket().drop();
      first.controller.send('stored, ack lost');
      const [entry] = first.controller.getState().outbox;

      const stored = message({ seq: 3, messageType: 'incoming', body: 'stored, ack lost', clientMessageId: entry.clientMessageId });
      const second = await started({
        storage,
        sessions: () => Promise.resolve(session({ conversations: [conversation({ lastSeq: 3, messages: [message({ seq: 2 }), stored] })] })),
      });
      expect(second.controller.getState().outbox).toEqual([]);
      expect(second.socket().requestsFor('message.send')).toEqual([]);
    });

    it('opens a new conversation instead of writing into a resolved one', async () => {
      const { controller, socket } = await started();
      socket().fire('conversation.updated', { id: 'c1', status: 'resolved' });
      socket().responders['message.send'] = (payload) => ({
        ok: true,
        message: { id: 'n1', conversationId: 'c2', seq: 1, createdAt: new Date().toISOString(), payload },
      });
      controller.send('new question');
      await flush();

      expect(socket().requestsFor('message.send')[0].payload.conversationId).toBeUndefined();
      expect(controller.getState().conversation?.id).toBe('c2');
      expect(socket().requestsFor('conversation.sync').pop()?.payload).toEqual({ conversationId: 'c2', afterSeq: 0 });
    });
  });

  describe('typing', () => {
    it('shows the agent typing until their message arrives', async () => {
      const { controller, socket } = await started();
      socket().fire('typing', { conversationId: 'c1', typing: true, sender: { type: 'agent', id: 'a1', name: 'Jane' } });
      expect(controller.getState().agentTyping).toEqual({ name: 'Jane' });
      socket().fire('message.created', message({ seq: 3 }));
      expect(controller.getState().agentTyping).toBeNull();
    });

    it('tells the server while the visitor types, and when they stop', async () => {
      const { controller, socket, clock } = await started();
      controller.composerChanged('h');
      controller.composerChanged('he');
      clock.advance(4_000);
      expect(socket().emitted.filter((e) => e.event === 'typing').map((e) => e.payload.typing)).toEqual([true, false]);
    });
  });

  describe('contact capture when away', () => {
    const away = () =>
      Promise.resolve(
        session({
          conversations: [conversation()],
          inbox: { name: 'Website chat', availability: { online: false, expectedReplyMinutes: null, nextOpenAt: null }, greeting: null, flow: null },
        }),
      );

    it('asks only when the inbox is away and the visitor has written', async () => {
      const online = await started();
      expect(contactPromptVisible(online.controller.getState())).toBe(false);
      const offline = await started({ sessions: away });
      expect(contactPromptVisible(offline.controller.getState())).toBe(true);
    });

    it('sends the line to contact.capture, shows what was understood, and asks the follow-up when something is missing', async () => {
      const { controller, socket } = await started({ sessions: away });
      const answers = [
        { ok: true, contact: { id: 'contact-1', name: '홍길동', email: null, phone: null }, summary: '확인했어요: 홍길동', followUp: '연락받으실 이메일이나 전화번호를 알려주세요.' },
        { ok: true, contact: { id: 'contact-1', name: '홍길동', email: null, phone: '+821012345678' }, summary: '확인했어요: 010-1234-5678', followUp: null },
      ];
      socket().responders['contact.capture'] = () => answers.shift();

      expect(await controller.submitContact('   ')).toBe('invalid');
      expect(socket().requestsFor('contact.capture')).toEqual([]);
      expect(await controller.submitContact(' 홍길동 ')).toBe('saved');
      expect(controller.getState().capture).toEqual({ status: 'idle', value: '확인했어요: 홍길동', question: '연락받으실 이메일이나 전화번호를 알려주세요.' });
      expect(await controller.submitContact('010-1234-5678')).toBe('saved');
      expect(socket().requestsFor('contact.capture').map((r) => r.payload)).toEqual([
        { line: '홍길동', locale: 'en' },
        { line: '010-1234-5678', locale: 'en' },
      ]);
      expect(controller.getState().capture).toEqual({ status: 'done', value: '확인했어요: 010-1234-5678', question: null });
      expect(controller.getState().contact).toMatchObject({ phone: '+821012345678' });
    });

    it('keeps the question and offers a retry when the server does not answer', async () => {
      const { controller, socket } = await started({ sessions: away });
      socket().responders['contact.capture'] = () => ({ ok: false, error: { code: 'rate_limited', message: 'slow down' } });
      expect(await controller.submitContact('hong@hanbit.kr')).toBe('failed');
      expect(controller.getState().capture).toEqual({ status: 'error', value: null, question: null });
    });
  });
});
