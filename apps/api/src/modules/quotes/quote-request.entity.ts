import { QUOTE_REQUEST_SOURCES, type QuoteContact, type QuoteHistoryEntry, type QuoteItem, type QuoteOffer, type QuoteRequestSource } from '@parley/shared/contracts';
import { QUOTE_REQUEST_STATUSES, type QuoteRequestStatus } from '@parley/shared/domain';
import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A B2B quote request. The board lists it keyset-paginated on (created_at, id) descending, by status,
 * inbox or assignee. `contact` is what the customer filled in (the linked Contact may know more);
 * `offerVersion` counts sent offers and binds the customer's signed link to one of them.
 */
@Entity('quote_requests')
@Index('ix_quote_requests_created', ['createdAt', 'id'])
@Index('ix_quote_requests_status_created', ['status', 'createdAt', 'id'])
@Index('ix_quote_requests_inbox_created', ['inboxId', 'createdAt', 'id'])
@Index('ix_quote_requests_assignee_created', ['assigneeId', 'createdAt', 'id'])
@Index('uq_quote_requests_ai_proposal', ['conversationId'], { unique: true, where: `source = 'ai_proposal'` })
@Index('uq_quote_requests_client_request', ['contactInboxId', 'clientRequestId'], { unique: true, where: 'client_request_id IS NOT NULL' })
export class QuoteRequest {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** Human number shown as Q-12. */
  @Index('uq_quote_requests_display_id', { unique: true }) @Column() @Generated('increment') displayId: number;

  @Column({ type: 'enum', enum: QUOTE_REQUEST_STATUSES, enumName: 'quote_request_status', default: 'new' }) status: QuoteRequestStatus;
  @Column({ type: 'enum', enum: QUOTE_REQUEST_SOURCES, enumName: 'quote_request_source' }) source: QuoteRequestSource;
  @Column({ default: false }) proposed: boolean;

  @Column({ type: 'uuid', nullable: true }) inboxId: string | null;
  @Index('ix_quote_requests_conversation') @Column({ type: 'uuid', nullable: true }) conversationId: string | null;
  @Index('ix_quote_requests_contact') @Column({ type: 'uuid', nullable: true }) contactId: string | null;
  /** The visitor who submitted it from the widget, with their `clientRequestId` (idempotency key). */
  @Column({ type: 'uuid', nullable: true }) contactInboxId: string | null;
  @Column({ type: 'uuid', nullable: true }) clientRequestId: string | null;

  @Column({ type: 'jsonb' }) contact: QuoteContact;
  @Column({ type: 'jsonb' }) items: QuoteItem[];
  /** YYYY-MM-DD. */
  @Column({ type: 'date', nullable: true }) deadline: string | null;
  @Column({ type: 'char', length: 2, nullable: true }) destinationCountry: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;

  @Column({ type: 'uuid', nullable: true }) assigneeId: string | null;

  @Column({ type: 'jsonb', nullable: true }) offer: QuoteOffer | null;
  @Column({ default: 0 }) offerVersion: number;
  /** The latest sent quote as a PDF; read only by the PDF endpoints. */
  @Column({ type: 'bytea', nullable: true, select: false }) offerPdf: Buffer | null;
  /** Language of the sent quote (PDF, email, the customer's page). */
  @Column({ type: 'varchar', length: 10, nullable: true }) locale: 'ko' | 'en' | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) respondedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" }) history: QuoteHistoryEntry[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
