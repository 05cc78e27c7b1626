import { EventEmitter } from 'node:events';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { from, isObservable, mergeAll, of, type Observable } from 'rxjs';
import type { AppConfig } from '../config/app-config';
import { RealtimeIoAdapter } from './realtime.adapter';

// Nest's own transform (WebSocketsController.subscribeMessages), for the observable path.
const transform = (data: unknown): Observable<unknown> => from(Promise.resolve(data).then((r) => (isObservable(r) ? r : of(r)))).pipe(mergeAll());
const tick = () => new Promise((r) => setImmediate(r));

function fakeSocket() {
  const socket = new EventEmitter() as EventEmitter & { emitted: unknown[][] };
  socket.emitted = [];
  const emit = socket.emit.bind(socket);
  // Server-to-client emits are recorded; incoming events are dispatched with `receive`.
  (socket as unknown as { emit: (...a: unknown[]) => boolean }).emit = (...a: unknown[]) => (socket.emitted.push(a), true);
  return { socket, receive: (event: string, ...args: unknown[]) => emit(event, ...args) };
}

const handler = (message: string, callback: (data: unknown, ack?: unknown) => unknown, isAckHandledManually = false): MessageMappingProperties =>
  ({ message, callback, isAckHandledManually, methodName: message }) as MessageMappingProperties;

describe('RealtimeIoAdapter message handlers', () => {
  const adapter = new RealtimeIoAdapter(undefined as never, {} as AppConfig);

  it('acks each socket with its own handler result, sharing one listener per event', async () => {
    const a = fakeSocket();
    const b = fakeSocket();
    adapter.bindMessageHandlers(a.socket as never, [handler('message.send', async (data) => ({ ok: true, who: 'a', data }))], transform);
    adapter.bindMessageHandlers(b.socket as never, [handler('message.send', async () => ({ ok: true, who: 'b' }))], transform);
    const ackA = jest.fn();
    const ackB = jest.fn();
    a.receive('message.send', { body: 'hi' }, ackA);
    b.receive('message.send', { body: 'yo' }, ackB);
    await tick();
    expect(ackA).toHaveBeenCalledWith({ ok: true, who: 'a', data: { body: 'hi' } });
    expect(ackB).toHaveBeenCalledWith({ ok: true, who: 'b' });
    expect(a.socket.listeners('message.send')[0]).toBe(b.socket.listeners('message.send')[0]);
  });

  it('passes several arguments as an array, emits { event, data } results, and skips null results and manual acks', async () => {
    const s = fakeSocket();
    const seen: unknown[] = [];
    adapter.bindMessageHandlers(
      s.socket as never,
      [
        handler('multi', (data) => (seen.push(data), null)),
        handler('emit', () => ({ event: 'pong', data: 42 })),
        handler('manual', (_data, ack) => ((ack as (r: unknown) => void)({ ok: 'by hand' }), { ok: 'ignored' }), true),
        handler('stream', () => of({ ok: 'observable' })),
      ],
      transform,
    );
    const ack = jest.fn();
    s.receive('multi', 1, 2, ack);
    s.receive('emit', {});
    s.receive('manual', {}, ack);
    s.receive('stream', {}, ack);
    await tick();
    expect(seen).toEqual([[1, 2]]);
    expect(s.socket.emitted).toEqual([['pong', 42]]);
    expect(ack.mock.calls).toEqual([[{ ok: 'by hand' }], [{ ok: 'observable' }]]);
  });

  it('survives a rejected handler and an event without a handler', async () => {
    const s = fakeSocket();
    adapter.bindMessageHandlers(s.socket as never, [handler('boom', () => Promise.reject(new Error('handled by Nest')))], transform);
    const ack = jest.fn();
    s.receive('boom', {}, ack);
    s.receive('unknown', {}, ack);
    await tick();
    expect(ack).not.toHaveBeenCalled();
  });
});
