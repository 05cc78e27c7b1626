import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { NAMESPACES, WIDGET_CLIENT_EVENTS, WIDGET_SERVER_EVENTS, type TypingEvent } from '@parley/shared/contracts';
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import { AppException } from '../../core/errors/app.exception';
import { ack, parsePayload } from '../../core/realtime/socket-ack';
import { ConversationsService } from '../conversations/conversations.service';
import { SubmitQuoteDto } from '../quotes/dto/quote-request.dto';
import { QuoteIntakeService } from '../quotes/quote-intake.service';
import { CAPTURE_CONTACT, READ, SEND_MESSAGE, SYNC, TYPING, UPDATE_CONTACT } from './dto/live-chat.dto';
import { LiveChatService, type Visitor } from './live-chat.service';
import { PresenceService } from './presence.service';
import { rooms } from './rooms';

interface VisitorSocketData {
  visitor: Visitor;
  own: Set<string>;
  ip: string;
}
type VisitorSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, VisitorSocketData>;

export const apiHost = (s: Socket) => s.handshake.headers.host ?? '';
export const clientIp = (s: Socket) => s.handshake.address;

/** `/widget`: one socket per visitor tab. A visitor only ever joins rooms of its own. */
@WebSocketGateway({ namespace: NAMESPACES.widget })
export class WidgetGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(WidgetGateway.name);
  @WebSocketServer() server: Namespace;

  constructor(
    private readonly chat: LiveChatService,
    private readonly conversations: ConversationsService,
    private readonly presence: PresenceService,
    private readonly quotes: QuoteIntakeService,
  ) {}

  afterInit(nsp: Namespace) {
    // Refused connections get connect_error with message `unauthorized` (get a new session),
    // `forbidden` (origin not allowed) or `service_unavailable` (try again; keep the token).
    nsp.use((socket, next) => {
      const token = (socket.handshake.auth as { visitorToken?: unknown })?.visitorToken;
      this.chat
        .authenticate(token, socket.handshake.headers.origin, apiHost(socket))
        .then(async (visitor) => {
          socket.data = { visitor, own: await this.chat.ownConversationIds(visitor), ip: clientIp(socket) } satisfies VisitorSocketData;
          next();
        })
        .catch((e: unknown) => {
          const code = e instanceof AppException ? e.code : 'service_unavailable';
          if (code === 'service_unavailable') this.logger.warn(`visitor authentication failed: ${(e as Error).message}`);
          next(new Error(code === 'forbidden' || code === 'unauthorized' ? code : 'service_unavailable'));
        });
    });
  }

  async handleConnection(socket: VisitorSocket) {
    const { visitor } = socket.data;
    await socket.join([rooms.visitor(visitor.contactInboxId), rooms.widgetInbox(visitor.inboxId)]);
    // Fresh availability on every (re)connect: whatever changed while away is not replayed.
    socket.emit(WIDGET_SERVER_EVENTS.availability, await this.presence.availability(visitor.inboxId));
  }

  @SubscribeMessage(WIDGET_CLIENT_EVENTS.send)
  send(@ConnectedSocket() s: VisitorSocket, @MessageBody() body: unknown) {
    return ack(() => this.chat.send(s.data.visitor, parsePayload(SEND_MESSAGE, body), s.data.ip, s.data.own));
  }

  @SubscribeMessage(WIDGET_CLIENT_EVENTS.sync)
  sync(@ConnectedSocket() s: VisitorSocket, @MessageBody() body: unknown) {
    return ack(async () => {
      const dto = parsePayload(SYNC, body);
      return this.chat.sync(s.data.visitor, dto.conversationId, dto.afterSeq, s.data.own);
    });
  }

  @SubscribeMessage(WIDGET_CLIENT_EVENTS.typing)
  typing(@ConnectedSocket() s: VisitorSocket, @MessageBody() body: unknown) {
    return ack(async () => {
      const dto = parsePayload(TYPING, body);
      await this.chat.assertOwn(s.data.visitor, dto.conversationId, s.data.own);
      const event: TypingEvent = { conversationId: dto.conversationId, typing: dto.typing, sender: { type: 'contact', id: s.data.visitor.contactId, name: null } };
      s.nsp.server.of(NAMESPACES.agents).to(rooms.agentInbox(s.data.visitor.inboxId)).to(rooms.admins).emit(WIDGET_SERVER_EVENTS.typing, event);
      return {};
    });
  }

  @SubscribeMessage(WIDGET_CLIENT_EVENTS.read)
  read(@ConnectedSocket() s: VisitorSocket, @MessageBody() body: unknown) {
    return ack(async () => {
      const dto = parsePayload(READ, body);
      await this.chat.assertOwn(s.data.visitor, dto.conversationId, s.data.own);
      const seq = await this.conversations.markRead(dto.conversationId, 'contact', dto.seq);
      s.nsp.server.of(NAMESPACES.agents).to(rooms.agentInbox(s.data.visitor.inboxId)).to(rooms.admins).emit(WIDGET_SERVER_EVENTS.read, { conversationId: dto.conversationId, seq, reader: 'contact' });
      return { seq };
    });
  }

  @SubscribeMessage(WIDGET_CLIENT_EVENTS.captureContact)
  captureContact(@ConnectedSocket() s: VisitorSocket, @MessageBody() body: unknown) {
    return ack(() => this.chat.captureContact(s.data.visitor, parsePayload(CAPTURE_CONTACT, body)));
  }

  @SubscribeMessage(WIDGET_CLIENT_EVENTS.submitQuote)
  submitQuote(@ConnectedSocket() s: VisitorSocket, @MessageBody() body: unknown) {
    return ack(async () => {
      const dto = parsePayload(SubmitQuoteDto, body);
      if (dto.conversationId) await this.chat.assertOwn(s.data.visitor, dto.conversationId, s.data.own);
      return this.quotes.submitFromWidget(s.data.visitor, dto, s.data.ip, s.data.own);
    });
  }

  @SubscribeMessage(WIDGET_CLIENT_EVENTS.updateContact)
  updateContact(@ConnectedSocket() s: VisitorSocket, @MessageBody() body: unknown) {
    return ack(() => this.chat.updateContact(s.data.visitor, parsePayload(UPDATE_CONTACT, body)));
  }
}
