import type { MessageContent } from '@parley/shared/contracts';
import type { MessageType, SenderType } from '@parley/shared/domain';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../core/database/prepared-query';
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
  content?: MessageContent | null;
}

export interface AppendResult {
  message: Message;
  /** The clientMessageId was stored before: `message` is that original, nothing new was written. */
  duplicate: boolean;
}

/** Characters of a message kept as its conversation's preview. */
export const PREVIEW = 200;

/**
 * Only what the caller does not already know comes back (a wide row cost more to describe and parse
 * than the rest of the statement); a duplicate is read whole afterwards.
 */
const RETURNED = 'id, seq, contact_inbox_id';

/**
 * The append statement around a duplicate lookup (its WHERE clause). One statement per kind of lookup
 * (where a clientMessageId must be unique: per contact inbox for visitors, per agent for agents), each
 * prepared once per connection (see preparedQuery).
 */
const appendSql = (duplicateWhere: string) =>
  `WITH dup AS (SELECT ${RETURNED} FROM messages WHERE ${duplicateWhere} LIMIT 1),
     conv AS (
       UPDATE conversations SET
         last_seq = last_seq + 1,
         -- Moved at most once a second: within the second the row keeps every indexed value, so the
         -- update is HOT (no new entries in the conversation list's seven indexes) on a busy chat.
         last_activity_at = CASE WHEN last_activity_at > $2::timestamptz - interval '1 second' THEN last_activity_at ELSE $2 END,
         updated_at = $2,
         last_message_preview = CASE WHEN $3 OR $4 THEN $5 ELSE last_message_preview END,
         agent_unread_count = CASE WHEN $3 THEN agent_unread_count + 1 WHEN $4 THEN 0 ELSE agent_unread_count END,
         contact_unread_count = CASE WHEN $4 THEN contact_unread_count + 1 WHEN $3 THEN 0 ELSE contact_unread_count END,
         status = CASE WHEN $3 THEN 'open'::conversation_status ELSE status END,
         first_responded_at = CASE WHEN $4 AND first_responded_at IS NULL THEN $2 ELSE first_responded_at END
       WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM dup)
       RETURNING last_seq, contact_inbox_id
     ),
     ins AS (
       INSERT INTO messages (conversation_id, seq, message_type, sender_type, sender_id, contact_inbox_id, body, private, client_message_id, content, created_at)
       SELECT $1, conv.last_seq, $6::message_type, $7::sender_type, $8, conv.contact_inbox_id, $10, $11, $9, $12::jsonb, $2 FROM conv
       RETURNING ${RETURNED}
     )
     SELECT false AS duplicate, ins.* FROM ins UNION ALL SELECT true AS duplicate, dup.* FROM dup`;

const APPEND_SQL = {
  agent: appendSql(`client_message_id = $9 AND sender_type = 'agent' AND sender_id = $8`),
  contact: appendSql(`client_message_id = $9 AND sender_type = 'contact' AND contact_inbox_id = (SELECT contact_inbox_id FROM conversations WHERE id = $1)`),
  none: appendSql('false'),
};

function duplicateLookup(input: AppendMessageInput): keyof typeof APPEND_SQL {
  if (!input.clientMessageId) return 'none';
  return input.senderType === 'agent' || input.senderType === 'contact' ? input.senderType : 'none';
}

/**
 * Appends a message in one prepared statement (one round trip on the chat path): unless the
 * clientMessageId was stored before, the conversation row update allocates the next `seq` under
 * its row lock (gap-free, ordered) and moves activity, preview, unread counters, status and first
 * response with it, and the message is inserted. If two identical sends race, the unique index
 * fails the later statement as a whole (its seq allocation included); callers then read the original.
 * Runs inside the caller's transaction when given one.
 */
export async function appendMessage(m: EntityManager, input: AppendMessageInput): Promise<AppendResult> {
  const isPrivate = input.private ?? false;
  const fromContact = input.messageType === 'incoming' && !isPrivate;
  const replyToContact = input.messageType === 'outgoing' && !isPrivate;
  const now = new Date();
  const kind = duplicateLookup(input);
  const content = input.content ? JSON.stringify(input.content) : null;
  const rows = await preparedQuery<{ duplicate: boolean; id: string; seq: number; contact_inbox_id: string | null }>(m, `append_message_${kind}`, APPEND_SQL[kind], [
    input.conversationId,
    now.toISOString(),
    fromContact,
    replyToContact,
    input.body.slice(0, PREVIEW),
    input.messageType,
    input.senderType,
    input.senderId,
    input.clientMessageId ?? null,
    input.body,
    isPrivate,
    content,
  ]);
  const row = rows[0];
  if (!row) throw new NotFoundException('Conversation', input.conversationId);
  if (row.duplicate) {
    const [original] = await preparedQuery(m, 'message_by_id', 'SELECT * FROM messages WHERE id = $1', [row.id]);
    if (!original) throw new NotFoundException('Message', row.id);
    return { message: toMessage(original), duplicate: true };
  }
  // Content as stored: what a JSON round trip keeps.
  const message = appendedMessage(input, row, now, content === null ? null : (JSON.parse(content) as MessageContent));
  return { message, duplicate: false };
}

/** A message just appended: the input, with what the statement allocated (id, seq, contact inbox). */
export function appendedMessage(input: AppendMessageInput, row: { id: string; seq: number; contact_inbox_id: string | null }, createdAt: Date, content: MessageContent | null): Message {
  return Object.assign(new Message(), {
    id: row.id,
    conversationId: input.conversationId,
    seq: row.seq,
    messageType: input.messageType,
    senderType: input.senderType,
    senderId: input.senderId,
    contactInboxId: row.contact_inbox_id,
    body: input.body,
    private: input.private ?? false,
    clientMessageId: input.clientMessageId ?? null,
    content,
    createdAt,
  });
}

export function toMessage(r: Record<string, unknown>): Message {
  return Object.assign(new Message(), {
    id: r['id'],
    conversationId: r['conversation_id'],
    seq: r['seq'],
    messageType: r['message_type'],
    senderType: r['sender_type'],
    senderId: r['sender_id'],
    contactInboxId: r['contact_inbox_id'],
    body: r['body'],
    private: r['private'],
    clientMessageId: r['client_message_id'],
    content: r['content'] ?? null,
    createdAt: r['created_at'],
  });
}
