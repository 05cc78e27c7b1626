// A stand-in for the Parley API's widget surface (REST session + /widget socket namespace), written
// against libs/shared/contracts/src/lib/realtime.ts. Used by the browser smoke test until the real
// server lands; /__test/* endpoints let the test play the agent.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const TYPES = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8', '.css': 'text/css' };

export async function startFakeServer({ port, distDir, inboxToken }) {
  const visitors = new Map(); // token -> { contact, conversation }
  const control = { dropAcks: false, online: true, sessions: 0, sent: [], contactUpdates: [], reads: [], typing: [] };

  const http = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST' && url.pathname === '/api/v1/widget/sessions') return session(req, res);
    if (req.method === 'POST' && url.pathname.startsWith('/__test/')) return test(url.pathname.slice(8), await json(req), res);
    const file = normalize(join(distDir, url.pathname === '/' ? 'index.html' : url.pathname));
    if (!file.startsWith(distDir)) return send(res, 403, 'forbidden');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      send(res, 404, 'not found');
    }
  });
  const io = new Server(http, { path: '/socket.io', transports: ['websocket'] });
  const ns = io.of('/widget');

  ns.use((socket, next) => {
    const visitor = visitors.get(socket.handshake.auth && socket.handshake.auth.visitorToken);
    if (!visitor) return next(new Error('unauthorized'));
    socket.data.visitor = visitor;
    next();
  });
  ns.on('connection', (socket) => {
    const visitor = socket.data.visitor;
    socket.join(visitor.contact.id);
    socket.emit('inbox.availability', availability());
    socket.on('message.send', (payload, ack) => {
      const conversation = visitor.conversation || (visitor.conversation = newConversation());
      let message = conversation.messages.find((m) => m.clientMessageId === payload.clientMessageId);
      if (!message) {
        if (!payload.body || !payload.body.trim()) return ack({ ok: false, error: { code: 'message_empty', message: 'empty' } });
        message = addMessage(conversation, { messageType: 'incoming', body: payload.body, clientMessageId: payload.clientMessageId, sender: { type: 'contact', name: visitor.contact.name, avatarUrl: null } });
        control.sent.push(message);
        // dropAcks: stored, then the connection "dies" before the echo and the ack go out.
        if (!control.dropAcks) ns.to(visitor.contact.id).emit('message.created', message);
      }
      if (control.dropAcks) return;
      ack({ ok: true, message: { id: message.id, conversationId: message.conversationId, seq: message.seq, createdAt: message.createdAt } });
    });
    socket.on('conversation.sync', (payload, ack) => {
      const conversation = visitor.conversation;
      if (!conversation || conversation.id !== payload.conversationId) return ack({ ok: false, error: { code: 'not_found', message: 'no such conversation' } });
      ack({ ok: true, messages: conversation.messages.filter((m) => m.seq > payload.afterSeq), agentLastReadSeq: conversation.agentLastReadSeq });
    });
    socket.on('message.read', (payload) => {
      control.reads.push(payload);
      if (visitor.conversation) visitor.conversation.contactLastReadSeq = Math.max(visitor.conversation.contactLastReadSeq, payload.seq);
    });
    socket.on('typing', (payload) => control.typing.push(payload));
    socket.on('contact.update', (payload, ack) => {
      control.contactUpdates.push(payload);
      Object.assign(visitor.contact, payload);
      ack({ ok: true, contact: visitor.contact });
    });
  });

  function availability() {
    return control.online
      ? { online: true, expectedReplyMinutes: 3, nextOpenAt: null }
      : { online: false, expectedReplyMinutes: null, nextOpenAt: new Date(Date.now() + 14 * 3600_000).toISOString() };
  }
  function newConversation() {
    return { id: randomUUID(), status: 'open', lastSeq: 0, contactLastReadSeq: 0, agentLastReadSeq: 0, messages: [] };
  }
  function addMessage(conversation, fields) {
    const message = { id: randomUUID(), conversationId: conversation.id, seq: ++conversation.lastSeq, createdAt: new Date().toISOString(), clientMessageId: null, ...fields };
    conversation.messages.push(message);
    return message;
  }
  async function session(req, res) {
    const body = await json(req);
    control.sessions++;
    if (body.inboxToken !== inboxToken) return send(res, 404, { statusCode: 404, code: 'not_found', message: 'Unknown inbox' });
    let token = body.visitorToken;
    if (token && !visitors.has(token)) return send(res, 401, { statusCode: 401, code: 'unauthorized', message: 'Unknown visitor' });
    if (!token) {
      token = 'vt_' + randomUUID();
      visitors.set(token, { contact: { id: randomUUID(), name: null, email: null, phone: null }, conversation: null, hostOrigin: body.hostOrigin });
    }
    const visitor = visitors.get(token);
    if (body.identity) Object.assign(visitor.contact, { name: body.identity.name || null, email: body.identity.email || null });
    send(res, 200, {
      visitorToken: token,
      contact: visitor.contact,
      conversations: visitor.conversation ? [{ ...visitor.conversation }] : [],
      inbox: { name: 'Hanbit Outdoor', availability: availability(), greeting: '안녕하세요! 무엇을 도와드릴까요?' },
    });
  }
  function test(action, body, res) {
    const [visitor] = Array.from(visitors.values()).filter((v) => v.conversation).slice(-1);
    if (action === 'agent-message') {
      const message = addMessage(visitor.conversation, { messageType: 'outgoing', body: body.body, sender: { type: 'agent', name: 'Jane Doe', avatarUrl: null } });
      ns.to(visitor.contact.id).emit('message.created', message);
    } else if (action === 'agent-typing') {
      ns.to(visitor.contact.id).emit('typing', { conversationId: visitor.conversation.id, typing: body.typing, sender: { type: 'agent', id: 'a1', name: 'Jane Doe' } });
    } else if (action === 'agent-read') {
      visitor.conversation.agentLastReadSeq = visitor.conversation.lastSeq;
      ns.to(visitor.contact.id).emit('message.read', { conversationId: visitor.conversation.id, seq: visitor.conversation.lastSeq, reader: 'agent' });
    } else if (action === 'availability') {
      control.online = body.online;
      ns.emit('inbox.availability', availability());
    } else if (action === 'drop-acks') {
      control.dropAcks = body.drop;
    } else if (action === 'disconnect-all') {
      ns.disconnectSockets();
    } else if (action === 'revoke-visitors') {
      visitors.clear();
      ns.disconnectSockets();
    }
    send(res, 200, { ok: true });
  }

  await new Promise((resolve) => http.listen(port, '127.0.0.1', resolve));
  return { control, close: () => new Promise((resolve) => { io.close(); http.close(resolve); }) };
}

function json(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data ? JSON.parse(data) : {}));
  });
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
