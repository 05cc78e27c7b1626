import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { MessageDto } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { AppException } from '../../core/errors/app.exception';
import { appendMessage, type AppendMessageInput } from './append-message';
import { Message } from './message.entity';
import { MESSAGE_CREATED, type MessageCreatedEvent } from './message.events';

export interface CreatedMessage {
  message: MessageDto;
  /** True when the clientMessageId was seen before: nothing new was stored. */
  duplicate: boolean;
}

const IDEMPOTENCY_INDEXES = ['uq_messages_contact_client_id', 'uq_messages_agent_client_id'];

@Injectable()
export class MessagesService {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  toDto(m: Message): MessageDto {
    return {
      id: m.id,
      conversationId: m.conversationId,
      seq: m.seq,
      messageType: m.messageType,
      senderType: m.senderType,
      senderId: m.senderId,
      body: m.body,
      private: m.private,
      clientMessageId: m.clientMessageId,
      createdAt: m.createdAt.toISOString(),
    };
  }

  /** Newest last. `before` pages back in history; `after` catches up after a reconnect. */
  async list(conversationId: string, opts: { before?: number; after?: number; limit?: number; includePrivate: boolean }): Promise<MessageDto[]> {
    const limit = opts.limit ?? 50;
    const qb = this.messages.createQueryBuilder('m').where('m.conversationId = :conversationId', { conversationId });
    if (!opts.includePrivate) qb.andWhere('m.private = false').andWhere(`m.messageType <> 'activity'`);
    if (opts.after !== undefined) {
      qb.andWhere('m.seq > :after', { after: opts.after }).orderBy('m.seq', 'ASC').take(limit);
      return (await qb.getMany()).map((m) => this.toDto(m));
    }
    if (opts.before !== undefined) qb.andWhere('m.seq < :before', { before: opts.before });
    const rows = await qb.orderBy('m.seq', 'DESC').take(limit).getMany();
    return rows.reverse().map((m) => this.toDto(m));
  }

  /**
   * Stores a message once. A repeated clientMessageId returns the stored original, including
   * when two copies race: the unique index decides and the loser's transaction rolls back.
   */
  async create(input: AppendMessageInput, inboxId: string): Promise<CreatedMessage> {
    if (input.body.length > LIMITS.messageBodyMax) throw new AppException('message_too_long', `Message body exceeds ${LIMITS.messageBodyMax} characters`);
    if (input.body.trim().length === 0) throw new AppException('message_empty', 'Message body is empty');
    if (input.clientMessageId) {
      const existing = await this.findByClientId(input);
      if (existing) return { message: this.toDto(existing), duplicate: true };
    }
    let saved: Message;
    try {
      saved = await this.db.transaction((m) => appendMessage(m, input));
    } catch (e) {
      const constraint = (e as QueryFailedError & { constraint?: string }).constraint;
      if (e instanceof QueryFailedError && constraint && IDEMPOTENCY_INDEXES.includes(constraint)) {
        const existing = await this.findByClientId(input);
        if (existing) return { message: this.toDto(existing), duplicate: true };
      }
      throw e;
    }
    const message = this.toDto(saved);
    this.events.emit(MESSAGE_CREATED, { message, inboxId } satisfies MessageCreatedEvent);
    return { message, duplicate: false };
  }

  private async findByClientId(input: AppendMessageInput): Promise<Message | null> {
    if (input.senderType === 'agent') {
      return this.messages.findOne({ where: { senderType: 'agent', senderId: input.senderId!, clientMessageId: input.clientMessageId! } });
    }
    // Visitors: unique per contact inbox, i.e. across all of this contact's conversations in the inbox.
    return this.messages
      .createQueryBuilder('m')
      .where(`m.senderType = 'contact' AND m.clientMessageId = :cid`, { cid: input.clientMessageId })
      .andWhere('m.contactInboxId = (SELECT contact_inbox_id FROM conversations WHERE id = :conv)', { conv: input.conversationId })
      .getOne();
  }
}
