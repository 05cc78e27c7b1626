import type { MessageType, SenderType } from '@parley/shared/domain';
import type { EntityManager } from 'typeorm';
import { NotFoundException } from '../../core/errors/app.exception';
import { Message } from './message.entity';

export interface AppendMessageInput {
  conversationId: string;
  messageType: MessageType;
  senderType: SenderType;
  senderId: string | null;
  body: string;
  private?: boolean;
  clientMessageId?: string | null;
}

const PREVIEW = 200;

/**
 * Appends a message inside the caller's transaction. The conversation row update allocates the
 * next `seq` under a row lock, so messages of one conversation get gap-free, ordered numbers, and
 * the conversation's activity, preview, unread counters, status and first response move with it.
 */
export async function appendMessage(m: EntityManager, input: AppendMessageInput): Promise<Message> {
  const isPrivate = input.private ?? false;
  const fromContact = input.messageType === 'incoming' && !isPrivate;
  const replyToContact = input.messageType === 'outgoing' && !isPrivate;
  const shown = fromContact || replyToContact;
  const now = new Date();
  const rows: { last_seq: number; contact_inbox_id: string }[][] | { last_seq: number; contact_inbox_id: string }[] = await m.query(
    `UPDATE conversations SET
       last_seq = last_seq + 1,
       last_activity_at = $2,
       updated_at = $2,
       last_message_preview = CASE WHEN $3 THEN $4 ELSE last_message_preview END,
       agent_unread_count = CASE WHEN $5 THEN agent_unread_count + 1 WHEN $6 THEN 0 ELSE agent_unread_count END,
       contact_unread_count = CASE WHEN $6 THEN contact_unread_count + 1 WHEN $5 THEN 0 ELSE contact_unread_count END,
       status = CASE WHEN $5 THEN 'open'::conversation_status ELSE status END,
       first_responded_at = CASE WHEN $6 AND first_responded_at IS NULL THEN $2 ELSE first_responded_at END
     WHERE id = $1
     RETURNING last_seq, contact_inbox_id`,
    [input.conversationId, now, shown, input.body.slice(0, PREVIEW), fromContact, replyToContact],
  );
  // node-postgres returns [rows, count] for UPDATE ... RETURNING through TypeORM.
  const row = (Array.isArray(rows[0]) ? rows[0][0] : rows[0]) as { last_seq: number; contact_inbox_id: string } | undefined;
  if (!row) throw new NotFoundException('Conversation', input.conversationId);
  const message = m.create(Message, {
    conversationId: input.conversationId,
    seq: row.last_seq,
    messageType: input.messageType,
    senderType: input.senderType,
    senderId: input.senderId,
    contactInboxId: row.contact_inbox_id,
    body: input.body,
    private: isPrivate,
    clientMessageId: input.clientMessageId ?? null,
    createdAt: now,
  });
  await m.insert(Message, message);
  return message;
}
