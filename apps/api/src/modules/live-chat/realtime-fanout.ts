import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENT_SERVER_EVENTS, AI_SERVER_EVENTS, NAMESPACES, WIDGET_SERVER_EVENTS, type ContactCapturedEvent, type DraftEvent, type DraftStreamingEvent, type QuoteRequestEvent, type TriageEvent } from '@parley/shared/contracts';
import { CONTACT_CAPTURED, CONVERSATION_CREATED, CONVERSATION_UPDATED, MESSAGE_CREATED, type ConversationChangedEvent, type MessageCreatedEvent } from '../messages/message.events';
import { QUOTE_REQUEST_CREATED, QUOTE_REQUEST_UPDATED, type QuoteRequestChangedEvent } from '../quotes/quote-request.events';
import { REPLY_DRAFT_CREATED, REPLY_DRAFT_STREAMING, REPLY_DRAFT_UPDATED, type ReplyDraftChangedEvent, type ReplyDraftStreamingEvent } from '../reply-drafts/reply-draft.events';
import { TRIAGE_COMPLETED, TRIAGE_FAILED, type TriageChangedEvent } from '../triage/triage.events';
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
    this.toAgents(inboxId).emit(AGENT_SERVER_EVENTS.messageCreated, message);
    if (message.private || message.messageType === 'activity') return;
    const names = await this.agentNames.load([message]);
    const visible = toVisitorMessage(message, names);
    if (!visible) return;
    io.of(NAMESPACES.widget).to(rooms.visitor(contactInboxId)).emit(WIDGET_SERVER_EVENTS.messageCreated, visible);
  }

  @OnEvent(CONVERSATION_CREATED, { suppressErrors: true })
  onCreated({ conversation }: ConversationChangedEvent) {
    this.toAgents(conversation.inboxId).emit(AGENT_SERVER_EVENTS.conversationCreated, { conversation });
  }

  @OnEvent(CONVERSATION_UPDATED, { async: true, suppressErrors: true })
  async onUpdated({ conversation, changes }: ConversationChangedEvent) {
    this.toAgents(conversation.inboxId).emit(AGENT_SERVER_EVENTS.conversationUpdated, { conversation, changes });
    if (changes?.['status']) {
      const row = await this.contactInboxOf(conversation.id);
      if (row) this.agents.server.server.of(NAMESPACES.widget).to(rooms.visitor(row)).emit(WIDGET_SERVER_EVENTS.conversationUpdated, { id: conversation.id, status: conversation.status });
    }
  }

  @OnEvent(CONTACT_CAPTURED, { suppressErrors: true })
  onContactCaptured(event: ContactCapturedEvent) {
    this.toAgents(event.inboxId).emit(AGENT_SERVER_EVENTS.contactCaptured, event);
  }

  // AI output goes to agents only: drafts are not messages until approved, and never reach a visitor room.
  @OnEvent(TRIAGE_COMPLETED, { suppressErrors: true })
  onTriage({ triage, inboxId }: TriageChangedEvent) {
    this.toAgents(inboxId).emit(AI_SERVER_EVENTS.triageCompleted, { triage } satisfies TriageEvent);
  }

  @OnEvent(TRIAGE_FAILED, { suppressErrors: true })
  onTriageFailed({ triage, inboxId }: TriageChangedEvent) {
    this.toAgents(inboxId).emit(AI_SERVER_EVENTS.triageFailed, { triage } satisfies TriageEvent);
  }

  @OnEvent(REPLY_DRAFT_CREATED, { suppressErrors: true })
  onDraftCreated({ draft, inboxId }: ReplyDraftChangedEvent) {
    this.toAgents(inboxId).emit(AI_SERVER_EVENTS.draftCreated, { draft } satisfies DraftEvent);
  }

  @OnEvent(REPLY_DRAFT_UPDATED, { suppressErrors: true })
  onDraftUpdated({ draft, inboxId, message }: ReplyDraftChangedEvent) {
    this.toAgents(inboxId).emit(AI_SERVER_EVENTS.draftUpdated, { draft, ...(message && { message }) } satisfies DraftEvent);
  }

  @OnEvent(REPLY_DRAFT_STREAMING, { suppressErrors: true })
  onDraftStreaming({ draftId, conversationId, inboxId, text }: ReplyDraftStreamingEvent) {
    this.toAgents(inboxId).volatile.emit(AI_SERVER_EVENTS.draftStreaming, { draftId, conversationId, text } satisfies DraftStreamingEvent);
  }

  // A request without an inbox (an agent's own) is seen by every agent.
  @OnEvent(QUOTE_REQUEST_CREATED, { suppressErrors: true })
  onQuoteRequestCreated({ quoteRequest, changes }: QuoteRequestChangedEvent) {
    const to = quoteRequest.inboxId ? this.toAgents(quoteRequest.inboxId) : this.agents.server;
    to.emit(AGENT_SERVER_EVENTS.quoteRequestCreated, { quoteRequest, ...(changes && { changes }) } satisfies QuoteRequestEvent);
  }

  @OnEvent(QUOTE_REQUEST_UPDATED, { suppressErrors: true })
  onQuoteRequestUpdated({ quoteRequest, changes }: QuoteRequestChangedEvent) {
    const to = quoteRequest.inboxId ? this.toAgents(quoteRequest.inboxId) : this.agents.server;
    to.emit(AGENT_SERVER_EVENTS.quoteRequestUpdated, { quoteRequest, ...(changes && { changes }) } satisfies QuoteRequestEvent);
  }

  private toAgents(inboxId: string) {
    return this.agents.server.to(rooms.agentInbox(inboxId)).to(rooms.admins);
  }

  private async contactInboxOf(conversationId: string): Promise<string | undefined> {
    const rows: { contact_inbox_id: string }[] = await this.db.query('SELECT contact_inbox_id FROM conversations WHERE id = $1', [conversationId]);
    return rows[0]?.contact_inbox_id;
  }
}
