import type { Namespace } from 'socket.io';

/** The subset of socket.io-adapter's ClusterAdapterWithHeartbeat this wrapper relies on. */
interface ClusterAdapterLike {
  publishAndReturnOffset?: (message: { type: number }) => Promise<string>;
  nodesMap?: Map<string, number>;
}

/** socket.io-adapter's MessageType.BROADCAST (stable wire value of the cluster protocol). */
const BROADCAST = 3;

/** Backlog bound while Postgres is slow or away (each entry is one broadcast packet). */
const MAX_QUEUED = 2_000;

/**
 * socket.io's ClusterAdapter awaits its publish to the other nodes (one pg_notify round trip, queued
 * behind every other notify on a small pool) before it delivers a broadcast to the sockets of this
 * process, so local delivery p99 grows with the message rate. This wrapper lets local delivery go
 * first: cluster broadcasts are published in the background, one at a time per namespace (the other
 * nodes see them in emit order), and not at all while no other node has announced itself through the
 * adapter's heartbeats (a single process sends nothing to Postgres). Requests that need an answer
 * (fetchSockets, serverSideEmit with ack, ...) are untouched.
 */
export function localFirstBroadcast<A extends object>(factory: (nsp: Namespace) => A, onError: (error: Error) => void): (nsp: Namespace) => A {
  // socket.io calls the factory with `new`; a function returning an object is fine for that.
  return function (nsp: Namespace) {
    const created = factory(nsp);
    const adapter = created as ClusterAdapterLike;
    const publish = adapter.publishAndReturnOffset?.bind(adapter);
    if (!publish || !adapter.nodesMap) return created; // Redis adapter: already publishes without waiting
    const peers = adapter.nodesMap;
    let lane: Promise<unknown> = Promise.resolve();
    let queued = 0;
    adapter.publishAndReturnOffset = (message) => {
      if (message.type !== BROADCAST) return publish(message);
      if (peers.size === 0) return Promise.resolve('');
      if (queued >= MAX_QUEUED) {
        // Postgres is unreachable or far behind: the other nodes' clients will resync by seq.
        onError(new Error(`cluster publish queue full (${MAX_QUEUED}); broadcast not sent to other nodes`));
        return Promise.resolve('');
      }
      queued++;
      lane = lane
        .then(() => publish(message))
        .catch(onError)
        .finally(() => queued--);
      return Promise.resolve('');
    };
    return created;
  };
}
