import type { Socket as NetSocket } from 'node:net';
import type { Server } from 'socket.io';

/** The parts of engine.io's Socket and websocket transport this relies on (engine.io 6). */
interface EngineSocketInternals {
  flush(): void;
  transport: { send(packets: unknown[]): void; socket?: { _socket?: NetSocket } };
}

/**
 * Writes each connection's outgoing packets once per event-loop turn instead of once per packet.
 *
 * engine.io flushes a socket as soon as a packet is queued, so every emit is its own `writev` and its
 * own TCP segment: a message fanned out to an agent console, its ack and the visitor's echo cost a
 * system call each, on the server and again (a wakeup and a read) on the receiving side. Here a queued
 * packet only marks its connection; the connections are flushed together on `setImmediate` (after the
 * I/O of the current turn, so nothing waits for a timer), and a flush of several packets goes out
 * corked, as one write. Under load one write carries several messages; idle, a packet leaves in the
 * same turn. Packet order per connection is unchanged, and engine.io's own checks (closed sockets,
 * transport not writable yet) still apply when the flush runs.
 */
export function coalesceWrites(io: Server): void {
  const pending = new Set<() => void>();
  let scheduled = false;
  const flushAll = () => {
    scheduled = false;
    for (const flush of pending) {
      pending.delete(flush);
      flush();
    }
  };

  io.engine.on('connection', (connection: unknown) => {
    const socket = connection as EngineSocketInternals;
    const flushNow = socket.flush.bind(socket);
    socket.flush = () => {
      pending.add(flushNow);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flushAll);
      }
    };
    const transport = socket.transport;
    const send = transport.send.bind(transport);
    transport.send = (packets) => {
      const raw = transport.socket?._socket; // ws's TCP socket (websocket is the only transport)
      if (packets.length < 2 || !raw) return send(packets);
      raw.cork();
      try {
        send(packets);
      } finally {
        raw.uncork();
      }
    };
  });
}
