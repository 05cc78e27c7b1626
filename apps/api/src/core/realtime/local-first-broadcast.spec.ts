import type { Namespace } from 'socket.io';
import { localFirstBroadcast } from './local-first-broadcast';

const BROADCAST = 3;
const HEARTBEAT = 2;

/** Stands in for ClusterAdapterWithHeartbeat: publishes resolve only when the test says so. */
function fakeClusterAdapter() {
  const published: { type: number; n?: number }[] = [];
  const pending: (() => void)[] = [];
  const adapter = {
    nodesMap: new Map<string, number>(),
    publishAndReturnOffset(message: { type: number; n?: number }) {
      return new Promise<string>((resolve) => {
        pending.push(() => {
          published.push(message);
          resolve('offset');
        });
      });
    },
  };
  return { adapter, published, pending };
}

const nsp = {} as Namespace;

describe('localFirstBroadcast', () => {
  it('answers a broadcast at once and sends nothing while no other node is known', async () => {
    const { adapter, pending } = fakeClusterAdapter();
    const wrapped = localFirstBroadcast(() => adapter, () => undefined)(nsp);
    await expect(wrapped.publishAndReturnOffset({ type: BROADCAST })).resolves.toBe('');
    expect(pending).toHaveLength(0);
  });

  it('with peers: answers before the publish completes, then publishes every broadcast once, in emit order', async () => {
    const { adapter, published, pending } = fakeClusterAdapter();
    adapter.nodesMap.set('other-node', Date.now());
    const wrapped = localFirstBroadcast(() => adapter, () => undefined)(nsp);
    for (let n = 1; n <= 3; n++) await expect(wrapped.publishAndReturnOffset({ type: BROADCAST, n })).resolves.toBe('');
    // One at a time: the second publish starts only after the first finished.
    await new Promise((r) => setImmediate(r));
    expect(pending).toHaveLength(1);
    while (pending.length) {
      pending.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    expect(published.map((m) => m.n)).toEqual([1, 2, 3]);
  });

  it('a failed publish is reported and does not block the ones after it', async () => {
    const errors: Error[] = [];
    let calls = 0;
    const adapter = {
      nodesMap: new Map([['other-node', Date.now()]]),
      publishAndReturnOffset: async (message: { type: number }) => {
        if (++calls === 1 && message.type === BROADCAST) throw new Error('connection terminated');
        return 'ok';
      },
    };
    const wrapped = localFirstBroadcast(() => adapter, (e) => errors.push(e))(nsp);
    await wrapped.publishAndReturnOffset({ type: BROADCAST });
    await wrapped.publishAndReturnOffset({ type: BROADCAST });
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(2);
    expect(errors.map((e) => e.message)).toEqual(['connection terminated']);
  });

  it('leaves requests that need the cluster (heartbeats, fetchSockets...) to the adapter', async () => {
    const { adapter, pending } = fakeClusterAdapter();
    const wrapped = localFirstBroadcast(() => adapter, () => undefined)(nsp);
    const answer = wrapped.publishAndReturnOffset({ type: HEARTBEAT });
    expect(pending).toHaveLength(1);
    pending[0]();
    await expect(answer).resolves.toBe('offset');
  });

  it('leaves adapters without a cluster publish (Redis) as they are', () => {
    const redisLike = { broadcast: () => undefined };
    expect(localFirstBroadcast(() => redisLike, () => undefined)(nsp)).toBe(redisLike);
  });
});
