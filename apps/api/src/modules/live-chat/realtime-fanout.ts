import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENT_SERVER_EVENTS, NAMESPACES, WIDGET_SERVER_EVENTS } from '@parley/shared/contracts';
import { CONVERSATION_CREATED, CONVERSATION_UPDATED, MESSAGE_CREATED, type ConversationChangedEvent, type MessageCreatedEvent } from '../messages/message.events';
import { AgentNames } from './agent-names';
import { AgentsGateway } from './agents.gateway';
import { rooms } from './rooms';
import { toVisitorMessage } from './visitor-messages';

/**
 * Turns committed domain events into socket events: agents get everything of their inboxes,
 * a visitor gets only what `toVisitorMessage` lets through (never private notes or drafts).
 * The cluster adapter carries each emit to sockets on other API processes.
 */
@Injectable()
export class RealtimeFanout {
  constructor(
    private readonly agents: AgentsGateway,
    private readonly agentNames: AgentNames,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @OnEvent(MESSAGE_CREATED, { async: true, suppressErrors: true })
  async onMessage({ message, inboxId, contactInboxId }: MessageCreatedEvent) {
    const io = this.agents.server.server;
    io.of(NAMESPACES.agents).to(rooms.agentInbox(inboxId)).to(rooms.admins).emit(AGENT_SERVER_EVENTS.messageCreated, message);
    if (message.private || message.messageType === 'activity') return;
    const names = await this.agentNames.load([message.senderId]);
    const visible = toVisitorMessage(message, names);
    if (!visible) return;
    io.of(NAMESPACES.widget).to(rooms.visitor(contactInboxId)).emit(WIDGET_SERVER_EVENTS.messageCreated, visible);
  }

  @OnEvent(CONVERSATION_CREATED, { suppressErrors: true })
  onCreated({ conversation }: ConversationChangedEvent) {
    this.agents.server.to(rooms.agentInbox(conversation.inboxId)).to(rooms.admins).emit(AGENT_SERVER_EVENTS.conversationCreated, { conversation });
  }

  @OnEvent(CONVERSATION_UPDATED, { async: true, suppressErrors: true })
  async onUpdated({ conversation, changes }: ConversationChangedEvent) {
    this.agents.server.to(rooms.agentInbox(conversation.inboxId)).to(rooms.admins).emit(AGENT_SERVER_EVENTS.conversationUpdated, { conversation, changes });
    if (changes?.['status']) {
      const row = await this.contactInboxOf(conversation.id);
      if (row) this.agents.server.server.of(NAMESPACES.widget).to(rooms.visitor(row)).emit(WIDGET_SERVER_EVENTS.conversationUpdated, { id: conversation.id, status: conversation.status });
    }
  }

  private async contactInboxOf(conversationId: string): Promise<string | undefined> {
    const rows: { contact_inbox_id: string }[] = await this.db.query('SELECT contact_inbox_id FROM conversations WHERE id = $1', [conversationId]);
    return rows[0]?.contact_inbox_id;
  }
}
