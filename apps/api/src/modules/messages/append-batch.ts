import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../core/database/prepared-query';
import { appendedMessage, PREVIEW, type AppendMessageInput, type AppendResult } from './append-message';

/** A visitor's text message: the only kind the batch statement writes (the live chat's hot path). */
export type BatchableInput = AppendMessageInput & {
  senderType: 'contact';
  messageType: 'incoming';
  clientMessageId: string;
  senderId: string;
};

export function isBatchable(input: AppendMessageInput): input is BatchableInput {
  return (
    input.messageType === 'incoming' &&
    input.senderType === 'contact' &&
    !input.private &&
    !input.content &&
    !!input.clientMessageId &&
    !!input.senderId
  );
}

/** Bounds one statement's arrays; a burst larger than this goes out as several batches. */
const MAX_BATCH = 256;

/**
 * The append statement for many visitor messages at once (see appendMessage for one): messages already
 * stored under their clientMessageId, and messages of a conversation that does not exist, are left out
 * and answered one by one. Per conversation, `seq` continues in input order from one row update that
 * moves activity, preview, unread counters and status as that many single appends would.
 */
const APPEND_BATCH_SQL = `WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::text[], $5::text[]) WITH ORDINALITY AS i(conversation_id, sender_id, client_message_id, body, preview, ord)
  ),
  fresh AS (
    SELECT i.* FROM input i JOIN conversations c ON c.id = i.conversation_id
      -- LATERAL ... LIMIT 1: an index probe on (contact inbox, clientMessageId) per message, not a scan of the contact's messages
      LEFT JOIN LATERAL (
        SELECT true AS stored FROM messages m
         WHERE m.contact_inbox_id = c.contact_inbox_id AND m.client_message_id = i.client_message_id AND m.sender_type = 'contact' LIMIT 1
      ) d ON true
     WHERE d.stored IS NULL
  ),
  counted AS (
    SELECT conversation_id, count(*)::int AS n, (array_agg(preview ORDER BY ord DESC))[1] AS preview FROM fresh GROUP BY conversation_id
  ),
  conv AS (
    UPDATE conversations c SET
      last_seq = c.last_seq + counted.n,
      last_activity_at = CASE WHEN c.last_activity_at > $6::timestamptz - interval '1 second' THEN c.last_activity_at ELSE $6 END,
      updated_at = $6,
      last_message_preview = counted.preview,
      agent_unread_count = c.agent_unread_count + counted.n,
      contact_unread_count = 0,
      status = 'open'::conversation_status
    FROM counted WHERE c.id = counted.conversation_id
    RETURNING c.id, c.last_seq - counted.n AS seq_before, c.contact_inbox_id
  )
  INSERT INTO messages (conversation_id, seq, message_type, sender_type, sender_id, contact_inbox_id, body, private, client_message_id, content, created_at)
  SELECT f.conversation_id, conv.seq_before + row_number() OVER (PARTITION BY f.conversation_id ORDER BY f.ord), 'incoming', 'contact', f.sender_id, conv.contact_inbox_id, f.body, false, f.client_message_id, NULL, $6
    FROM fresh f JOIN conv ON conv.id = f.conversation_id
  RETURNING id, seq, conversation_id, client_message_id, contact_inbox_id`;

/** One send: a conversation and the client's id for the message. */
const sendKey = (conversationId: string, clientMessageId: string) => `${conversationId}\0${clientMessageId}`;

interface Pending {
  input: BatchableInput;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Visitors' messages go to Postgres in batches: while one statement is in the database, the messages
 * arriving meanwhile gather for the next. One statement and one commit then carry a whole event-loop
 * turn's worth of messages instead of one each (a quiet chat still sends each message at once). A
 * message that the batch leaves out (a resend, a missing conversation) or a batch that fails as a
 * whole (two identical sends racing, a deadlock with another API process) is appended on its own,
 * with the single append's answers and errors.
 */
export class AppendBatcher {
  private queue: Pending[] = [];
  private running = false;
  private scheduled = false;

  constructor(
    private readonly db: DataSource,
    private readonly single: (input: AppendMessageInput) => Promise<AppendResult>,
  ) {}

  append(input: BatchableInput): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // Whatever else this event-loop turn reads from the sockets joins the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    const batch = this.queue.splice(0, MAX_BATCH);
    try {
      await this.write(batch);
    } catch (e) {
      for (const p of batch) p.reject(e); // a bug, not a database answer: nobody waits forever
    } finally {
      this.running = false;
      if (this.queue.length) this.schedule();
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    // The same clientMessageId twice in one batch (a resend overtaking its ack): the copy waits for the first.
    const first = new Map<string, Pending>();
    const originalOf = new Map<Pending, Pending>();
    for (const p of batch) {
      const key = sendKey(p.input.conversationId, p.input.clientMessageId);
      const original = first.get(key);
      if (original) originalOf.set(p, original);
      else first.set(key, p);
    }
    const unique = [...first.values()];
    const results = new Map<Pending, Promise<AppendResult>>();
    if (unique.length === 1) {
      results.set(unique[0], this.single(unique[0].input));
    } else {
      const now = new Date();
      type Row = { id: string; seq: number; conversation_id: string; client_message_id: string; contact_inbox_id: string };
      // A refused statement wrote nothing (rows null): each message then goes on its own below.
      const rows = await preparedQuery<Row>(this.db.manager, 'append_message_batch', APPEND_BATCH_SQL, [
        unique.map((p) => p.input.conversationId),
        unique.map((p) => p.input.senderId),
        unique.map((p) => p.input.clientMessageId),
        unique.map((p) => p.input.body),
        unique.map((p) => p.input.body.slice(0, PREVIEW)),
        now.toISOString(),
      ]).catch(() => null);
      const stored = new Map(rows?.map((r) => [sendKey(r.conversation_id, r.client_message_id), r]));
      for (const p of unique) {
        const row = stored.get(sendKey(p.input.conversationId, p.input.clientMessageId));
        results.set(
          p,
          row ? Promise.resolve({ message: appendedMessage(p.input, row, now, null), duplicate: false }) : this.single(p.input),
        );
      }
    }
    await Promise.all(
      batch.map(async (p) => {
        try {
          const original = originalOf.get(p);
          const result = await results.get(original ?? p)!;
          p.resolve(original ? { message: result.message, duplicate: true } : result);
        } catch (e) {
          p.reject(e);
        }
      }),
    );
  }
}
