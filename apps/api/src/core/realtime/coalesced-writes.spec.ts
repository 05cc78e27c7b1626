import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { coalesceWrites } from './coalesced-writes';

/** Counts the write system calls node makes on each server-side TCP socket (one per `_write`/`_writev`). */
function countWrites(http: HttpServer): Map<NetSocket, number> {
  const counts = new Map<NetSocket, number>();
  http.on('connection', (raw: NetSocket) => {
    counts.set(raw, 0);
    const internals = raw as unknown as { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
    for (const method of ['_write', '_writev'] as const) {
      const original = internals[method].bind(raw);
      internals[method] = (...args: unknown[]) => {
        counts.set(raw, (counts.get(raw) ?? 0) + 1);
        original(...args);
      };
    }
  });
  return counts;
}

async function start(coalesce: boolean) {
  const http = createServer();
  const writes = countWrites(http);
  const io = new Server(http, { transports: ['websocket'] });
  if (coalesce) coalesceWrites(io);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  const [server] = await io.fetchSockets();
  return { io, http, client, server: io.sockets.sockets.get(server!.id)!, writes };
}

const received = (client: ClientSocket, n: number) =>
  new Promise<number[]>((resolve) => {
    const got: number[] = [];
    client.on('n', (i: number) => got.push(i) === n && resolve(got));
  });

const totalWrites = (writes: Map<NetSocket, number>) => [...writes.values()].reduce((a, b) => a + b, 0);

describe('coalesceWrites', () => {
  let ctx: Awaited<ReturnType<typeof start>>;
  afterEach(async () => {
    ctx.client.disconnect();
    await ctx.io.close();
  });

  // Without coalescing the same emits are one write each: what the coalescing saves.
  it.each([
    ['coalesced: what one event-loop turn emits leaves as one write', true, 1],
    ['not coalesced: one write per emit', false, 20],
  ])('%s, in order', async (_name, coalesce, expectedWrites) => {
    ctx = await start(coalesce);
    const arrived = received(ctx.client, 20);
    const before = totalWrites(ctx.writes);
    for (let i = 0; i < 20; i++) ctx.server.emit('n', i);
    expect(await arrived).toEqual([...Array(20).keys()]);
    expect(totalWrites(ctx.writes) - before).toBe(expectedWrites);
  });

  it('emits of later turns, acks and a server-side disconnect still arrive, in order', async () => {
    ctx = await start(true);
    ctx.server.on('ask', (x: number, ack: (y: number) => void) => {
      ctx.server.emit('n', x);
      ack(x * 2);
    });
    const arrived = received(ctx.client, 3);
    const acks = [];
    for (let i = 0; i < 3; i++) {
      acks.push(await ctx.client.timeout(2000).emitWithAck('ask', i));
      await new Promise((r) => setImmediate(r));
    }
    expect(acks).toEqual([0, 2, 4]);
    expect(await arrived).toEqual([0, 1, 2]);
    const closed = new Promise((resolve) => ctx.client.once('disconnect', resolve));
    ctx.server.emit('n', 99);
    const last = new Promise((resolve) => ctx.client.once('n', resolve));
    ctx.server.disconnect(true);
    await expect(last).resolves.toBe(99);
    await expect(closed).resolves.toBe('io server disconnect');
  });
});
