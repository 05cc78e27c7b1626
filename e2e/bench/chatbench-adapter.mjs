// chatbench adapter for Parley's live-chat protocol (docs/widget-protocol.md).
// Used by `npm run bench:chat` (chat-bench.mjs) with ../shared/chatbench/loadgen.mjs.
// Env: PARLEY_BENCH_EMAIL / PARLEY_BENCH_PASSWORD (an admin), set by chat-bench.mjs.
import { randomUUID } from 'node:crypto';

let inboxToken;
let adminToken;

async function json(url, body, token) {
  const res = await fetch(url, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body && JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

export default {
  name: 'parley',
  socketPath: '/socket.io',

  async setup({ baseUrl }) {
    const login = await json(`${baseUrl}/api/v1/auth/login`, { email: process.env.PARLEY_BENCH_EMAIL, password: process.env.PARLEY_BENCH_PASSWORD });
    adminToken = login.accessToken;
    const inbox = await json(`${baseUrl}/api/v1/inboxes`, { name: `chatbench ${Date.now()}`, channel: 'web_widget' }, adminToken);
    inboxToken = inbox.publicToken;
  },

  async visitor({ baseUrl }) {
    const session = await json(`${baseUrl}/api/v1/widget/sessions`, { inboxToken });
    return { conversationId: null, auth: { visitorToken: session.visitorToken } };
  },

  agent() {
    // Five consoles of the admin, who sees every inbox.
    return { auth: { token: adminToken } };
  },

  /**
   * loadgen always connects to the root namespace; Parley speaks on /widget and /agents. We open the
   * right namespace over the same websocket (socket.io multiplexes namespaces on one Manager) and point
   * the socket's emit/timeout/on at it, so loadgen's sends and delivery listeners use Parley's namespace.
   * Then a visitor's first message opens its conversation; the measured messages go to it.
   */
  async afterConnect(socket, role, info) {
    // The manager auto-connects a new namespace socket; calling connect() as well would send a second
    // CONNECT packet and the server would hold two sockets for it (every event delivered twice).
    const ns = socket.io.socket(role === 'visitor' ? '/widget' : '/agents', { auth: info.auth });
    await new Promise((resolve, reject) => {
      ns.once('connect', resolve);
      ns.once('connect_error', (e) => reject(new Error(`${role} namespace refused: ${e.message}`)));
    });
    // Parley's own clients (the widget, the console) never join the root namespace; loadgen needed it only
    // to get a connection. Leave it, so the server holds what it holds for a real client (the manager
    // keeps the websocket open for the namespace socket).
    socket.disconnect();
    socket.timeout = (ms) => ns.timeout(ms);
    socket.emit = (...a) => ns.emit(...a);
    socket.on = (...a) => ns.on(...a);
    if (role !== 'visitor') return;
    const ack = await ns.timeout(10_000).emitWithAck('message.send', { clientMessageId: randomUUID(), body: 'hello' });
    if (!ack.ok) throw new Error(`opening the conversation failed: ${ack.error.code}`);
    info.conversationId = ack.message.conversationId;
  },

  sendEvent: 'message.send',

  // Parley requires UUID clientMessageIds; loadgen's own ids travel in the body tag (cb|<id>|…), which it matches on.
  buildMessage({ conversationId, body }) {
    return { clientMessageId: randomUUID(), body, conversationId };
  },

  parseAck(res) {
    if (!res || !res.ok) return { ok: false, error: res?.error?.code ?? 'empty_ack' };
    return { ok: true, id: res.message.id };
  },

  deliveryEvents: ['message.created'],

  parseDelivery(_event, payload) {
    if (!payload || typeof payload !== 'object' || payload.messageType !== 'incoming') return null;
    return { body: payload.body };
  },
};
