import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { OnEvent } from '@nestjs/event-emitter';
import { JwtService } from '@nestjs/jwt';
import { AGENT_CLIENT_EVENTS, AGENT_SERVER_EVENTS, NAMESPACES, WIDGET_SERVER_EVENTS, type PresenceEvent, type TypingEvent } from '@parley/shared/contracts';
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import type { AccessTokenClaims } from '../../core/auth/access.guard';
import type { AuthAgent } from '../../core/auth/decorators';
import { ack, parsePayload } from '../../core/realtime/socket-ack';
import { AGENT_UPDATED, type AgentUpdatedEvent } from '../agents/agent.events';
import { AgentsService } from '../agents/agents.service';
import { ConversationsService } from '../conversations/conversations.service';
import { InboxesService } from '../inboxes/inboxes.service';
import { MessagesService } from '../messages/messages.service';
import { AGENT_SEND, READ, SET_AVAILABILITY, TYPING } from './dto/live-chat.dto';
import { PresenceService } from './presence.service';
import { rooms } from './rooms';

interface AgentSocketData {
  agent: AuthAgent;
  /** conversation id → inbox id and contact inbox id, for the conversations this socket touched */
  seen: Map<string, { inboxId: string; contactInboxId: string }>;
}
type AgentSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, AgentSocketData>;

/** `/agents`: the console. Agents receive events of the inboxes they belong to; admins of all. */
@WebSocketGateway({ namespace: NAMESPACES.agents })
export class AgentsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(AgentsGateway.name);
  @WebSocketServer() server: Namespace;

  constructor(
    private readonly jwt: JwtService,
    private readonly agents: AgentsService,
    private readonly inboxes: InboxesService,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly presence: PresenceService,
  ) {}

  afterInit(nsp: Namespace) {
    nsp.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      if (typeof token !== 'string') return next(new Error('unauthorized'));
      this.jwt.verifyAsync<AccessTokenClaims>(token).then(
        async (claims) => {
          try {
            const agent = claims.typ === 'agent' ? await this.agents.findActive(claims.sub) : null;
            if (!agent) return next(new Error('unauthorized'));
            socket.data = { agent: { id: agent.id, role: agent.role, name: agent.name, email: agent.email }, seen: new Map() } satisfies AgentSocketData;
            next();
          } catch (e) {
            // The database is away: not a logout, the console should retry.
            this.logger.warn(`agent authentication failed: ${(e as Error).message}`);
            next(new Error('service_unavailable'));
          }
        },
        () => next(new Error('unauthorized')),
      );
    });
  }

  async handleConnection(socket: AgentSocket) {
    try {
      const { agent } = socket.data;
      const inboxIds = await this.inboxes.visibleInboxIds(agent);
      await socket.join([rooms.agent(agent.id), ...(inboxIds ? inboxIds.map(rooms.agentInbox) : [rooms.admins])]);
      await this.presence.connect(agent.id);
      await this.broadcastPresence(agent.id);
    } catch (e) {
      this.logger.warn(`agent connection setup failed: ${(e as Error).message}`);
      socket.disconnect(true);
    }
  }

  async handleDisconnect(socket: AgentSocket) {
    const agent = socket.data?.agent;
    try {
      if (agent && (await this.presence.disconnect(agent.id))) await this.broadcastPresence(agent.id);
    } catch (e) {
      // Shutting down or the database is away: presence lapses by itself after the window.
      this.logger.debug(`presence update on disconnect failed: ${(e as Error).message}`);
    }
  }

  @SubscribeMessage(AGENT_CLIENT_EVENTS.send)
  send(@ConnectedSocket() s: AgentSocket, @MessageBody() body: unknown) {
    return ack(async () => {
      const dto = parsePayload(AGENT_SEND, body);
      const conv = await this.visible(s, dto.conversationId);
      const { message } = await this.messages.create(
        { conversationId: dto.conversationId, messageType: 'outgoing', senderType: 'agent', senderId: s.data.agent.id, body: dto.body, private: dto.private ?? false, clientMessageId: dto.clientMessageId },
        conv.inboxId,
      );
      return { message };
    });
  }

  @SubscribeMessage(AGENT_CLIENT_EVENTS.typing)
  typing(@ConnectedSocket() s: AgentSocket, @MessageBody() body: unknown) {
    return ack(async () => {
      const dto = parsePayload(TYPING, body);
      const conv = await this.visible(s, dto.conversationId);
      const event: TypingEvent = { conversationId: dto.conversationId, typing: dto.typing, sender: { type: 'agent', id: s.data.agent.id, name: s.data.agent.name } };
      s.to(rooms.agentInbox(conv.inboxId)).to(rooms.admins).emit(AGENT_SERVER_EVENTS.typing, event);
      const forVisitor: TypingEvent = { ...event, sender: { type: 'agent', name: s.data.agent.name } };
      s.nsp.server.of(NAMESPACES.widget).to(rooms.visitor(conv.contactInboxId)).emit(WIDGET_SERVER_EVENTS.typing, forVisitor);
      return {};
    });
  }

  @SubscribeMessage(AGENT_CLIENT_EVENTS.read)
  read(@ConnectedSocket() s: AgentSocket, @MessageBody() body: unknown) {
    return ack(async () => {
      const dto = parsePayload(READ, body);
      const conv = await this.visible(s, dto.conversationId);
      const seq = await this.conversations.markRead(dto.conversationId, 'agent', dto.seq);
      const event = { conversationId: dto.conversationId, seq, reader: 'agent' as const };
      this.server.to(rooms.agentInbox(conv.inboxId)).to(rooms.admins).emit(AGENT_SERVER_EVENTS.read, event);
      s.nsp.server.of(NAMESPACES.widget).to(rooms.visitor(conv.contactInboxId)).emit(WIDGET_SERVER_EVENTS.read, event);
      return { seq };
    });
  }

  @SubscribeMessage(AGENT_CLIENT_EVENTS.setAvailability)
  setAvailability(@ConnectedSocket() s: AgentSocket, @MessageBody() body: unknown) {
    return ack(async () => {
      const dto = parsePayload(SET_AVAILABILITY, body);
      // The change event (AGENT_UPDATED) broadcasts the new presence.
      await this.agents.updateMe(s.data.agent.id, { availability: dto.availability });
      return { availability: dto.availability };
    });
  }

  private async visible(s: AgentSocket, conversationId: string) {
    const cached = s.data.seen.get(conversationId);
    if (cached) return cached;
    const c = await this.conversations.findVisible(s.data.agent, conversationId);
    const entry = { inboxId: c.inboxId, contactInboxId: c.contactInboxId };
    s.data.seen.set(conversationId, entry);
    return entry;
  }

  @OnEvent(AGENT_UPDATED, { async: true, suppressErrors: true })
  async onAgentUpdated({ agentId, changes }: AgentUpdatedEvent) {
    if ('availability' in changes || 'disabled' in changes) await this.broadcastPresence(agentId);
  }

  /** Tells the console who is online and the widgets of the agent's inboxes whether someone is there. */
  private async broadcastPresence(agentId: string) {
    const agent = await this.agents.get(agentId);
    const event: PresenceEvent = { agentId, name: agent.name, availability: agent.availability };
    this.server.emit(AGENT_SERVER_EVENTS.presence, event);
    const inboxIds = agent.role === 'admin' ? (await this.inboxes.list({ ...agent, role: 'admin' })).map((i) => i.id) : ((await this.inboxes.visibleInboxIds(agent)) ?? []);
    const widget = this.server.server.of(NAMESPACES.widget);
    for (const inboxId of inboxIds) widget.to(rooms.widgetInbox(inboxId)).emit(WIDGET_SERVER_EVENTS.availability, await this.presence.availability(inboxId));
  }
}
