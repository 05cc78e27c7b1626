import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { isObservable, type Observable } from 'rxjs';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Pool, type PoolClient } from 'pg';
import type { Server, ServerOptions, Socket } from 'socket.io';

import type { AppConfig } from '../config/app-config';
import { coalesceWrites } from './coalesced-writes';
import { localFirstBroadcast } from './local-first-broadcast';

type AdapterFactory = Extract<NonNullable<Parameters<Server['adapter']>[0]>, (...args: never[]) => unknown>;
type Transform = (data: unknown) => Observable<unknown>;
interface BoundHandlers {
  byEvent: Map<string, MessageMappingProperties>;
  transform: Transform;
}
const HANDLERS = Symbol('parley.wsHandlers');
type HandledSocket = Socket & { [HANDLERS]?: BoundHandlers };

/**
 * socket.io for every gateway: websocket transport only (no long-polling, so several API
 * processes behind a load balancer need no sticky sessions), bounded frames, writes coalesced per
 * event-loop turn, and a cluster adapter so rooms span processes: Redis when REDIS_URL is set,
 * otherwise Postgres LISTEN/NOTIFY.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly logger = new Logger('Realtime');
  private adapterFactory?: AdapterFactory;
  private closers: (() => Promise<unknown>)[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  async connectCluster(): Promise<void> {
    if (this.config.env.REDIS_URL) {
      const pub = new Redis(this.config.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: null });
      const sub = pub.duplicate();
      for (const c of [pub, sub]) c.on('error', (e) => this.logger.warn(`redis: ${e.message}`));
      await Promise.all([pub.connect(), sub.connect()]);
      this.adapterFactory = createRedisAdapter(pub, sub);
      this.closers.push(() => pub.quit(), () => sub.quit());
      this.logger.log('socket.io rooms shared through Redis');
    } else {
      const pool = new Pool({ connectionString: this.config.databaseUrl, max: 3, application_name: 'parley-realtime', connectionTimeoutMillis: 5_000 });
      pool.on('error', (e) => this.logger.warn(`postgres adapter: ${e.message}`));
      // The adapter keeps one client checked out for LISTEN, without an 'error' listener (a dropped
      // connection would crash the process) and never releases it when the connection ends: after one
      // Postgres restart the pool would look full and every emit would wait forever. Release it here;
      // the adapter reconnects by itself on 'end'.
      const checkedOut = new WeakSet<PoolClient>();
      pool.on('acquire', (client) => checkedOut.add(client));
      pool.on('release', (_err, client) => checkedOut.delete(client));
      pool.on('connect', (client) => {
        client.on('error', (e) => this.logger.warn(`postgres adapter: ${e.message}`));
        client.on('end', () => {
          if (checkedOut.has(client)) client.release(new Error('connection ended'));
        });
      });
      const warn = (e: Error) => this.logger.warn(`postgres adapter: ${e.message}`);
      this.adapterFactory = localFirstBroadcast(createPostgresAdapter(pool, { errorHandler: warn }), warn);
      this.closers.push(() => pool.end());
      this.logger.log('socket.io rooms shared through Postgres LISTEN/NOTIFY');
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      transports: ['websocket'],
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 20_000,
      pingTimeout: 20_000,
      perMessageDeflate: false,
      connectionStateRecovery: undefined,
    });
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    coalesceWrites(server);
    return server;
  }

  /**
   * Nest's IoAdapter gives every socket an RxJS pipeline per message handler (fromEvent, mergeMap,
   * takeUntil...: about 20 KB of subscribers and closures per connected visitor). Here each event name
   * has one listener shared by all sockets, and a socket only holds a map of its bound handlers.
   * Same contract: the payload and optional ack are split as Nest does, a non-null result is acked
   * (or emitted when it is `{ event, data }`), and handlers that ack manually are left alone.
   */
  private readonly sharedListeners = new Map<string, (this: HandledSocket, ...args: unknown[]) => void>();

  override bindMessageHandlers(socket: HandledSocket, handlers: MessageMappingProperties[], transform: Transform): void {
    const bound = (socket[HANDLERS] ??= { byEvent: new Map(), transform });
    for (const handler of handlers) {
      const event = String(handler.message);
      if (!bound.byEvent.has(event)) socket.on(event, this.listenerFor(event));
      bound.byEvent.set(event, handler);
    }
  }

  private listenerFor(event: string): (this: HandledSocket, ...args: unknown[]) => void {
    let listener = this.sharedListeners.get(event);
    if (listener) return listener;
    const mapPayload = (payload: unknown) => this.mapPayload(payload);
    listener = function (this: HandledSocket, ...args: unknown[]) {
      const bound = this[HANDLERS];
      const handler = bound?.byEvent.get(event);
      if (!bound || !handler) return;
      const { data, ack } = mapPayload(args.length === 1 ? args[0] : args);
      const reply = (response: unknown) => {
        if (response === null || response === undefined) return;
        const emitted = response as { event?: string; data?: unknown };
        if (emitted.event) this.emit(emitted.event, emitted.data);
        else if (!handler.isAckHandledManually && typeof ack === 'function') ack(response);
      };
      // Nest's WsProxy already turns handler errors into the exception filter's answer; this only guards the adapter.
      void Promise.resolve(handler.callback(data, ack)).then(
        (result) => (isObservable(result) ? bound.transform(result).subscribe({ next: reply, error: () => undefined }) : reply(result)),
        () => undefined,
      );
    };
    this.sharedListeners.set(event, listener);
    return listener;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // Bounded: a pub/sub client stuck mid-reconnect must not hold up shutdown.
    const closing = Promise.all(this.closers.splice(0).map((close) => close().catch(() => undefined)));
    await Promise.race([closing, new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}
