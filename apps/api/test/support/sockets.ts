import { io, type Socket } from 'socket.io-client';

export function connect(url: string, namespace: '/widget' | '/agents', auth: Record<string, unknown>, headers?: Record<string, string>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(url + namespace, { transports: ['websocket'], auth, reconnection: false, extraHeaders: headers, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e) => {
      s.close();
      reject(e);
    });
  });
}

/** Emits with an ack and resolves with the ack payload. */
export function call<T = any>(s: Socket, event: string, payload: unknown): Promise<T> {
  return s.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}

/** Resolves with the next event matching `filter`, or rejects after `ms`. */
export function next<T = any>(s: Socket, event: string, filter: (p: T) => boolean = () => true, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (s.off(event, on), reject(new Error(`no ${event} within ${ms} ms`))), ms);
    const on = (p: T) => {
      if (!filter(p)) return;
      clearTimeout(timer);
      s.off(event, on);
      resolve(p);
    };
    s.on(event, on);
  });
}

/** Collects every `event` for `ms` milliseconds. */
export async function collect<T = any>(s: Socket, event: string, ms: number): Promise<T[]> {
  const got: T[] = [];
  const on = (p: T) => got.push(p);
  s.on(event, on);
  await new Promise((r) => setTimeout(r, ms));
  s.off(event, on);
  return got;
}
