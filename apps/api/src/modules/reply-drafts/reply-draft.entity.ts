import { REPLY_DRAFT_STATUSES, type DraftSourceDto, type ReplyDraftStatus } from '@parley/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A reply the AI proposes for one contact message. It is not a message until an agent approves it
 * (or the category's policy sends it automatically); every draft stays for the review log.
 */
@Entity('reply_drafts')
@Index('ix_reply_drafts_conversation', ['conversationId', 'createdAt'])
@Index('ix_reply_drafts_status', ['status', 'createdAt', 'id'])
@Index('ix_reply_drafts_created', ['createdAt', 'id'])
@Index('ix_reply_drafts_proposed', ['conversationId'], { where: `status = 'proposed'` })
export class ReplyDraft {
  /** Chosen before drafting starts, so streamed text can name the draft it belongs to. */
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') conversationId: string;
  @Index('uq_reply_drafts_message_live', { unique: true, where: `status <> 'superseded'` }) @Column('uuid') messageId: string;
  @Column({ type: 'enum', enum: REPLY_DRAFT_STATUSES, enumName: 'reply_draft_status', default: 'proposed' }) status: ReplyDraftStatus;
  @Column('text') body: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) sources: DraftSourceDto[];
  @Column('real') confidence: number;
  @Column() needsHuman: boolean;
  @Column({ type: 'varchar', length: 40 }) reason: string;
  @Column({ type: 'text', nullable: true }) detail: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) category: string | null;
  @Column({ type: 'text', nullable: true }) finalBody: string | null;
  @Column({ type: 'uuid', nullable: true }) sentMessageId: string | null;
  @Column({ type: 'uuid', nullable: true }) reviewedById: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'text', nullable: true }) rejectReason: string | null;
  @Column({ type: 'text', nullable: true }) flagNote: string | null;
  @Column({ type: 'uuid', nullable: true }) flaggedById: string | null;
  @Column({ type: 'timestamptz', nullable: true }) flaggedAt: Date | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) provider: 'openai' | 'offline' | null;
  @Column({ type: 'varchar', length: 160, nullable: true }) model: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true }) promptVersion: string | null;
  @Column({ type: 'int', nullable: true }) latencyMs: number | null;
  @Column({ type: 'text', nullable: true }) fallbackError: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
