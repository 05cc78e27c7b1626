import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { MessageDto } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { AppException } from '../../core/errors/app.exception';
import { AppendBatcher, isBatchable } from './append-batch';
import { appendMessage, type AppendMessageInput, type AppendResult } from './append-message';
import { Message } from './message.entity';
import { MESSAGE_CREATED, type MessageCreatedEvent } from './message.events';

export interface CreatedMessage {
  message: MessageDto;
  /** True when the clientMessageId was seen before: nothing new was stored. */
  duplicate: boolean;
}

const IDEMPOTENCY_INDEXES = ['uq_messages_contact_client_id', 'uq_messages_agent_client_id'];

export function toMessageDto(m: Message): MessageDto {
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
    content: m.content ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

@Injectable()
export class MessagesService {
  /** Visitors' messages, many to a statement under load (see AppendBatcher). */
  private readonly batcher: AppendBatcher;

  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
  ) {
    this.batcher = new AppendBatcher(db, (input) => this.appendOnce(input));
  }

  toDto(m: Message): MessageDto {
    return toMessageDto(m);
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
   * when two copies race: the unique index fails the later statement and we read the original.
   */
  async create(input: AppendMessageInput, inboxId: string): Promise<CreatedMessage> {
    if (input.body.length > LIMITS.messageBodyMax) throw new AppException('message_too_long', `Message body exceeds ${LIMITS.messageBodyMax} characters`);
    if (input.body.trim().length === 0) throw new AppException('message_empty', 'Message body is empty');
    const result = isBatchable(input) ? await this.batcher.append(input) : await this.appendOnce(input);
    return { message: this.announce(result, inboxId), duplicate: result.duplicate };
  }

  private async appendOnce(input: AppendMessageInput): Promise<AppendResult> {
    try {
      return await appendMessage(this.db.manager, input);
    } catch (e) {
      if (!isIdempotencyConflict(e)) throw e;
      return appendMessage(this.db.manager, input); // now finds the winner's row as a duplicate
    }
  }

  /** After the transaction that appended a message committed: tell the gateways and the AI pipeline (once). */
  announce(result: AppendResult, inboxId: string): MessageDto {
    const message = this.toDto(result.message);
    if (!result.duplicate) this.events.emit(MESSAGE_CREATED, { message, inboxId, contactInboxId: result.message.contactInboxId! } satisfies MessageCreatedEvent);
    return message;
  }
}

export function isIdempotencyConflict(e: unknown): boolean {
  const constraint = (e as { constraint?: string }).constraint;
  return e instanceof QueryFailedError && !!constraint && IDEMPOTENCY_INDEXES.includes(constraint);
}
