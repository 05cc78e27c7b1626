import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canTransitionQuote } from '@parley/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import { appendMessage, type AppendResult } from '../messages/append-message';
import { MessagesService } from '../messages/messages.service';
import { auditActor, historyEntry, SYSTEM } from './quote-fields';
import type { QuoteRequest } from './quote-request.entity';
import { QUOTE_REQUEST_UPDATED } from './quote-request.events';
import { quoteNumber, todayUtc } from './quote-texts';
import { QuotesService, type QuoteChanges } from './quotes.service';

const SWEEP_EVERY_MS = 10 * 60_000;
const SWEEP_BATCH = 500;

/**
 * Quoted requests past their offer's last valid day become `expired`. A sweep at boot and every few
 * minutes finds them (any process may run it: each row is locked and checked again before it
 * changes); a customer answering a stale offer expires it on the spot.
 */
@Injectable()
export class QuoteExpiryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Quotes');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly quotes: QuotesService,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    const sweep = () => void this.expireDue().catch((e: Error) => this.logger.warn(`expiring quotes failed: ${e.message}`));
    sweep();
    this.timer = setInterval(sweep, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Expires every quoted request whose offer is past its last day; returns how many. */
  async expireDue(now = Date.now()): Promise<number> {
    const today = todayUtc(now);
    const due: { id: string }[] = await this.db.query(
      `SELECT id FROM quote_requests WHERE status = 'quoted' AND offer ->> 'validUntil' < $1 ORDER BY offer ->> 'validUntil' LIMIT ${SWEEP_BATCH}`,
      [today],
    );
    let expired = 0;
    for (const { id } of due) {
      const done = await this.db.transaction(async (m) => {
        const q = await this.quotes.lock(m, id);
        return isPastOffer(q, today) ? this.expireLocked(m, q) : null;
      });
      if (!done) continue;
      await this.announce(done, id);
      expired++;
    }
    if (expired) this.logger.log(`${expired} quote(s) expired`);
    return expired;
  }

  /** Inside the caller's transaction, on a locked row past its offer: status, history, a note in the conversation. Announce after commit. */
  async expireLocked(m: EntityManager, q: QuoteRequest): Promise<{ changes: QuoteChanges; note: AppendResult | null; inboxId: string | null }> {
    if (!canTransitionQuote(q.status, 'expired', 'system')) throw new Error(`a ${q.status} quote request cannot expire`);
    const changes: QuoteChanges = { status: { from: q.status, to: 'expired' } };
    q.history = [...q.history, historyEntry('status', SYSTEM, { from: q.status, to: 'expired', note: `valid until ${q.offer?.validUntil}` })];
    q.status = 'expired';
    await m.save(q);
    await this.audit.record({ actor: auditActor(SYSTEM), action: 'quote_request.status_changed', entityType: 'quote_request', entityId: q.id, changes }, m);
    const note = q.conversationId
      ? await appendMessage(m, { conversationId: q.conversationId, messageType: 'activity', senderType: 'system', senderId: null, body: `Quote ${quoteNumber(q.displayId)} expired (valid until ${q.offer?.validUntil})` })
      : null;
    return { changes, note, inboxId: q.inboxId };
  }

  async announce(done: { changes: QuoteChanges; note: AppendResult | null; inboxId: string | null }, id: string): Promise<void> {
    if (done.note && done.inboxId) this.messages.announce(done.note, done.inboxId);
    await this.quotes.announce(QUOTE_REQUEST_UPDATED, id, done.changes);
  }
}

/** Quoted, and UTC has moved past the offer's last valid day. */
export function isPastOffer(q: Pick<QuoteRequest, 'status' | 'offer'>, today = todayUtc()): boolean {
  return q.status === 'quoted' && !!q.offer && q.offer.validUntil < today;
}
