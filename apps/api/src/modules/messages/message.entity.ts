import type { MessageContent } from '@parley/shared/contracts';
import { MESSAGE_TYPES, SENDER_TYPES, type MessageType, type SenderType } from '@parley/shared/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Conversation } from '../conversations/conversation.entity';

/**
 * A message. `seq` orders messages inside a conversation and drives resync after a reconnect.
 * `clientMessageId` makes sends idempotent: unique per contact inbox for visitors, per agent for agents.
 */
@Entity('messages')
@Index('uq_messages_conversation_seq', ['conversationId', 'seq'], { unique: true })
@Index('uq_messages_contact_client_id', ['contactInboxId', 'clientMessageId'], {
  unique: true,
  where: `client_message_id IS NOT NULL AND sender_type = 'contact'`,
})
@Index('uq_messages_agent_client_id', ['senderId', 'clientMessageId'], {
  unique: true,
  where: `client_message_id IS NOT NULL AND sender_type = 'agent'`,
})
export class Message {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column('uuid') conversationId: string;
  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'conversation_id' }) conversation?: Conversation;

  @Column() seq: number;

  @Column({ type: 'enum', enum: MESSAGE_TYPES, enumName: 'message_type' }) messageType: MessageType;
  @Column({ type: 'enum', enum: SENDER_TYPES, enumName: 'sender_type' }) senderType: SenderType;

  /** Agent id or contact id, by senderType; null for system and bot messages. */
  @Column({ type: 'uuid', nullable: true }) senderId: string | null;

  /** The conversation's contact inbox, denormalised for the idempotency key. */
  @Column({ type: 'uuid', nullable: true }) contactInboxId: string | null;

  /** Stored exactly as sent; every client renders it as text. */
  @Column('text') body: string;

  @Column({ default: false }) private: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true }) clientMessageId: string | null;

  /** Structured parts beside the text (flow buttons, a sent quote); null for plain text. */
  @Column({ type: 'jsonb', nullable: true }) content: MessageContent | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
